package dev.agentconsole.web.it;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** A real HTTP client against the deployed application (no redirects followed, so login's 303 can be checked). */
final class Http {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;

    Http(URL base) {
        this.base = base.toString();
    }

    HttpResponse<String> get(String path, String bearer) throws Exception {
        return send(request(path, bearer).GET());
    }

    HttpResponse<String> send(String method, String path, String bearer, String json) throws Exception {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return send(request(path, bearer).header("Content-Type", "application/json").method(method, body));
    }

    /** A body with the given {@code Content-Type} header value, whatever it is. */
    HttpResponse<String> sendAs(String method, String path, String bearer, String contentType, String json)
            throws Exception {
        return send(request(path, bearer).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * A body without a declared length, on a connection of its own: after an early 413 the server may not read the
     * rest of the body, and a connection reused after that could answer the next request with what the leftover
     * bytes provoked.
     */
    HttpResponse<String> sendChunked(String method, String path, String bearer, byte[] json) throws Exception {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json));
        HttpRequest request = request(path, bearer).header("Content-Type", "application/json").method(method, body)
                .build();
        HttpClient once = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        return once.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonStructure json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).read();
    }

    private HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpRequest built = request.build();
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            ServerDiagnostics.dump(built.method() + " " + built.uri() + " timed out");
            throw e;
        }
    }
}
