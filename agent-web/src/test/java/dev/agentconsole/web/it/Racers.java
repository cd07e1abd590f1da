package dev.agentconsole.web.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/** Races for the container tests: calls started at the same moment, each outcome kept. */
final class Racers {

    private Racers() {
    }

    /**
     * Starts all calls at the same moment on threads of {@code threadFactory} (the container's managed threads, so
     * EJB calls work); returns each call's result or the exception it ended with, in the order given.
     */
    static List<Object> race(ThreadFactory threadFactory, List<Callable<Object>> calls) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        ExecutorService executor = Executors.newFixedThreadPool(calls.size(), threadFactory);
        for (Callable<Object> call : calls) {
            futures.add(executor.submit(() -> {
                ready.countDown();
                go.await();
                try {
                    return call.call();
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        assertTrue(ready.await(30, TimeUnit.SECONDS), "executor did not start all racers");
        go.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> future : futures) {
            try {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                outcomes.add(e.getCause());
            }
        }
        executor.shutdown();
        return outcomes;
    }
}
