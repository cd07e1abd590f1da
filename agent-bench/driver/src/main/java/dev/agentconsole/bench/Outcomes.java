package dev.agentconsole.bench;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** HTTP answers by kind: 2xx, 409, 503 (overloaded, retry later), other 4xx and 5xx, timeout, connection error. */
final class Outcomes {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, String> samples = new ConcurrentHashMap<>();

    /** @return true for a 2xx answer */
    boolean record(HttpResponse<?> response, Throwable failure) {
        String kind = kind(response, failure);
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (!kind.equals("2xx")) {
            samples.putIfAbsent(kind, failure != null ? String.valueOf(failure) : String.valueOf(response.body()));
        }
        return kind.equals("2xx");
    }

    static String kind(HttpResponse<?> response, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            return cause instanceof HttpTimeoutException ? "timeout" : "conn-error";
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return "2xx";
        }
        if (status == 409 || status == 503) {
            return String.valueOf(status);
        }
        if (status / 100 == 5) {
            return "5xx";
        }
        return String.valueOf(status);
    }

    /** The first answer (or failure) of each error kind, for the log. */
    Map<String, String> samples() {
        return samples;
    }

    long count(String kind) {
        LongAdder adder = counts.get(kind);
        return adder == null ? 0 : adder.sum();
    }

    /** "409: 3, 5xx: 1", or "none". */
    String errors() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(counts).forEach((kind, count) -> {
            if (!kind.equals("2xx") && count.sum() > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(kind).append(": ").append(count.sum());
            }
        });
        return text.length() == 0 ? "none" : text.toString();
    }
}
