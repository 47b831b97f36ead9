/**
 * The run store: every run and every outcome it keeps, in a database that outlives the process and is shared by
 * every replica ({@link dev.cartage.store.DatabaseRunStore}, H2 in a data directory or PostgreSQL, through R2DBC), or
 * in this process's memory ({@link dev.cartage.store.MemoryRunStore}, {@code cartage.store=memory}). Both keep the same
 * contract, {@link dev.cartage.store.RunStore}. It comes after deliver in import order: it stores outcomes and stage
 * snapshots, and only {@code run} imports it.
 */
package dev.cartage.store;
