package dev.cartage.run;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import reactor.core.scheduler.NonBlocking;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The bounded scheduler CPU stages (marshal, render) run on: one thread per core, never more, taking tasks from
 * one shared queue. Reactor's {@code newParallel} pins each task to one thread round-robin, so two busy workers
 * can queue on one thread while the other idles; with a shared queue the Little's-law bench reached 0.94 of the
 * CPU bound instead of 0.75 (docs/benchmarks.md). The threads are marked {@link NonBlocking}, so BlockHound and
 * Reactor treat them like event loops: nothing may block on them.
 */
@Configuration(proxyBeanMethods = false)
class CpuSchedulerConfiguration {

    @Bean(destroyMethod = "dispose")
    Scheduler cpuScheduler() {
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores, new CpuThreads());
        return Schedulers.fromExecutorService(pool, "cartage-cpu");
    }

    /** Names the threads {@code cartage-cpu-N} and marks them non-blocking. */
    private static final class CpuThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new CpuThread(task, "cartage-cpu-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    private static final class CpuThread extends Thread implements NonBlocking {
        CpuThread(Runnable task, String name) {
            super(task, name);
        }
    }
}
