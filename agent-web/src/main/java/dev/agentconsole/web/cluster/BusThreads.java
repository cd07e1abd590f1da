package dev.agentconsole.web.cluster;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cluster bus's long-running threads, made by the server's {@code ManagedThreadFactory}. GlassFish 6 (Jakarta EE
 * 9.1) refuses to run a managed thread while the application is still deploying ("Module ... is disabled"): the thread
 * ends before the task begins, and the bus started with the application would never run. So each task is watched
 * until it begins, and {@link #restartRefused()} gives a task whose thread ended without beginning it a new thread;
 * the relay calls it when the application serves requests, that is, once the deployment is over.
 */
final class BusThreads {

    private static final long RETRY_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ThreadFactory factory;
    private final Set<Task> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastRetry = new AtomicLong(System.nanoTime() - RETRY_INTERVAL_NANOS);

    BusThreads(ThreadFactory factory) {
        this.factory = factory;
    }

    /** Starts the task on a new thread of the factory. */
    Task start(String name, Runnable task) {
        Task started = new Task(name, task);
        waiting.add(started);
        started.launch();
        return started;
    }

    /**
     * Gives every task whose thread ended before beginning it a new thread, at most once a second (it is called on
     * every request). Answers how many it restarted.
     */
    int restartRefused() {
        if (waiting.isEmpty()) {
            return 0;
        }
        long now = System.nanoTime();
        long last = lastRetry.get();
        if (now - last < RETRY_INTERVAL_NANOS || !lastRetry.compareAndSet(last, now)) {
            return 0;
        }
        int restarted = 0;
        for (Task task : waiting) {
            if (task.refused()) {
                task.launch();
                restarted++;
            }
        }
        return restarted;
    }

    /** A task on its current thread. */
    final class Task {

        private final String name;
        private final Runnable work;
        private final AtomicBoolean began = new AtomicBoolean();
        private volatile Thread thread;

        private Task(String name, Runnable work) {
            this.name = name;
            this.work = work;
        }

        private void launch() {
            Thread next = factory.newThread(() -> {
                if (began.compareAndSet(false, true)) {
                    waiting.remove(this);
                    work.run();
                }
            });
            next.setName(name);
            thread = next;
            next.start();
        }

        private boolean refused() {
            Thread current = thread;
            return !began.get() && current != null && current.getState() == Thread.State.TERMINATED;
        }

        /** Stops watching the task and interrupts its thread. */
        void cancel() {
            waiting.remove(this);
            Thread current = thread;
            if (current != null) {
                current.interrupt();
            }
        }
    }
}
