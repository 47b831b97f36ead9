package dev.cartage.run;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import reactor.core.scheduler.Scheduler;

/** The bounded scheduler CPU stages (marshal, render) run on: one thread per core, never more. */
@Configuration(proxyBeanMethods = false)
class Schedulers {

    @Bean(destroyMethod = "dispose")
    Scheduler cpuScheduler() {
        return reactor.core.scheduler.Schedulers.newParallel("cartage-cpu", Runtime.getRuntime().availableProcessors());
    }
}
