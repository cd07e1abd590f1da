package dev.agentconsole.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends at a fixed rate by the clock, never waiting for answers: a slow server gets the same arrivals as a fast one,
 * and latency is measured from the time a send was due, so the driver's own lag cannot hide server delay.
 */
final class OpenLoop {

    /** Sends message {@code index}, due at {@code dueNanos}; returns when its answer is in. */
    interface Sender {
        CompletableFuture<?> send(int index, long dueNanos);
    }

    /** @param startNanos first send; sendEndNanos when the last send was issued */
    record Run(int sent, long startNanos, long sendEndNanos) {
        double seconds() {
            return (sendEndNanos - startNanos) / 1e9;
        }
    }

    private OpenLoop() {
    }

    static Run run(double ratePerSecond, double seconds, Sender sender) {
        int total = (int) Math.round(ratePerSecond * seconds);
        double period = 1e9 / ratePerSecond;
        long start = System.nanoTime() + 1_000_000;
        List<CompletableFuture<?>> answers = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * period);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            answers.add(sender.send(i, due));
        }
        long sendEnd = System.nanoTime();
        try {
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                    .orTimeout(Http.REQUEST_TIMEOUT.toSeconds() + 15, TimeUnit.SECONDS).handle((v, e) -> null).join();
        } catch (RuntimeException ignored) {
            // Failures are counted per request by the sender.
        }
        return new Run(total, start, Math.max(sendEnd, start + 1));
    }
}
