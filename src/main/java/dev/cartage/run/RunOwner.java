package dev.cartage.run;

import java.util.concurrent.ThreadLocalRandom;

/**
 * This process's name as the owner of the runs it runs: the host (a pod's name on Kubernetes), the process id, and a
 * random part, so that a restarted process on the same host is a new owner and two processes never share a name.
 *
 * @param name the owner's name in the store
 */
record RunOwner(String name) {

    static RunOwner ofThisProcess() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return new RunOwner(host + "/" + ProcessHandle.current().pid() + "/"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0xffff));
    }
}
