package dev.cartage.run;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.cartage.store.OutcomeFollower;
import dev.cartage.store.RunStore;

/** What runs need of the store beside the store itself: this process's owner name, and readers of outcomes. */
@Configuration(proxyBeanMethods = false)
class RunStoreWiring {

    @Bean
    RunOwner runOwner() {
        return RunOwner.ofThisProcess();
    }

    /** Readers wait at most one sync for news of a run that another replica runs. */
    @Bean
    OutcomeFollower outcomeFollower(RunStore store, RunProperties properties) {
        return new OutcomeFollower(store, properties.sync());
    }
}
