package dev.cartage.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound once for the whole test JVM, before any test runs: every blocking call made on a
 * non-blocking thread (Reactor Netty event loops, Reactor's parallel and CPU schedulers) fails the test that made it.
 */
public class BlockHoundSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        BlockHound.install(builder -> builder
                // Logback writes log lines synchronously to the console; logging is not the blocking we hunt
                .allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes")
                .allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "subAppend")
                // an idle cartage-cpu pool thread waiting for its next task is not work that blocks
                .allowBlockingCallsInside("java.util.concurrent.ThreadPoolExecutor", "getTask")
                // handing a task to the cartage-cpu pool's shared queue takes the queue's lock for a few
                // instructions; when two threads offer at once one parks briefly (seen once in CI: the BlockHound
                // error killed a worker mid-drain and two runs never ended). The shared queue is by design
                // (run/CpuSchedulerConfiguration), so that lock wait is allowed, as Reactor allows its own executors' queues
                .allowBlockingCallsInside("java.util.concurrent.ThreadPoolExecutor", "execute")
                // Netty 4.2's adaptive buffer allocator guards its magazines with a StampedLock held for a few
                // instructions; it is Netty's own design for event loops, not an accidental blocking call
                .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free")
                .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines")
                // Jackson builds the deserializer of a type once, under a lock held while it builds; later reads
                // find it in its cache without locking
                .allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer")
                // a page's CSRF token is a random UUID, made on whatever thread renders the page; UUID's SecureRandom
                // reads a few bytes of /dev/urandom now and then (never waiting for entropy once the JVM has seeded it)
                .allowBlockingCallsInside("org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository", "createCsrfToken"));
    }
}
