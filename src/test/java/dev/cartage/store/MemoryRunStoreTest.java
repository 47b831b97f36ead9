package dev.cartage.store;

/** The store contract in memory ({@code cartage.store=memory}). */
class MemoryRunStoreTest extends RunStoreContract {

    @Override
    RunStore store() {
        return new MemoryRunStore();
    }
}
