package dev.agentconsole.web.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A host "portal" on its own origin ({@code http://localhost:PORT} or {@code http://127.0.0.1:PORT}), separate from
 * the console's origin: it serves the console's web resources (so the demo portal and the SDK load as a portal would
 * load them) and pages a test puts in.
 */
final class HostPages implements AutoCloseable {

    private final HttpServer server;
    private final Path webapp;
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    HostPages(int port, Path webapp) throws IOException {
        this.webapp = webapp;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    void put(String path, String html) {
        pages.put(path, html);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        String type;
        if (pages.containsKey(path)) {
            body = pages.get(path).getBytes(StandardCharsets.UTF_8);
            type = "text/html; charset=utf-8";
        } else if (path.startsWith("/agent/") && !path.contains("..")) {
            Path file = webapp.resolve(path.substring("/agent/".length()));
            if (!Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            body = Files.readAllBytes(file);
            type = path.endsWith(".js") ? "text/javascript" : path.endsWith(".css") ? "text/css"
                    : "text/html; charset=utf-8";
        } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
