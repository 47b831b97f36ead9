package dev.cartage.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints every thread's stack when a test fails on a timeout, so that a hang seen once in CI (where only the log
 * survives) can be told apart: a blocked event loop, a stuck pool, or a lost response.
 */
public class ThreadDumpOnTimeout implements TestExecutionListener {

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Throwable error = result.getThrowable().orElse(null);
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL || !mentionsTimeout(error)) {
            return;
        }
        StringBuilder dump = new StringBuilder("Thread dump after a timeout in " + test.getDisplayName() + ":\n");
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState()).append('\n');
            for (StackTraceElement frame : thread.getStackTrace()) {
                dump.append("    at ").append(frame).append('\n');
            }
        }
        System.out.println(dump);
    }

    private static boolean mentionsTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
