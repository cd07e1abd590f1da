package dev.agentconsole.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One asynchronous HTTP/1.1 client for REST calls and sockets. Its pool opens as many connections as the open-loop
 * load has requests in flight, so the driver never queues a send behind a slow answer.
 */
final class Http {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final URI base;

    Http(URI base) {
        this.base = base;
        ExecutorService executor = Executors.newFixedThreadPool(4, daemon("bench-http"));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    HttpClient client() {
        return client;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    URI socketUri(String pathAndQuery) {
        return URI.create("ws://" + base.getHost() + ":" + base.getPort() + pathAndQuery);
    }

    CompletableFuture<HttpResponse<String>> send(String method, String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A blocking call that must succeed: set-up steps, where a failure ends the run. */
    HttpResponse<String> expect(int status, String method, String path, String bearer, String json) {
        HttpResponse<String> response = send(method, path, bearer, json).join();
        if (response.statusCode() != status) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
