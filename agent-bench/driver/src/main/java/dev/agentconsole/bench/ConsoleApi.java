package dev.agentconsole.bench;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** What an agent's console does over REST: log in with a JWT, go AVAILABLE, accept and reply. */
final class ConsoleApi {

    private final Http http;
    private final TokenMinter tokens;

    ConsoleApi(Http http, TokenMinter tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    /** Login answers 303 to /agent/#credential=...; the console reads the credential from the fragment. */
    void login(BenchAgent agent) {
        String jwt = URLEncoder.encode(tokens.mint(agent.username), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.expect(303, "GET", "/agent/auth/login?accessToken=" + jwt, null, null);
        String location = response.headers().firstValue("Location").orElseThrow();
        int at = location.indexOf("credential=");
        if (at < 0) {
            throw new IllegalStateException("login redirect without credential: " + location);
        }
        agent.credential = URLDecoder.decode(location.substring(at + "credential=".length()), StandardCharsets.UTF_8);
        if (agent.uid == null) {
            String me = http.expect(200, "GET", "/agent/api/v1/me", agent.credential, null).body();
            agent.uid = Json.parse(me).getJsonObject("agent").getString("uid");
        }
    }

    void setStatus(BenchAgent agent, String status) {
        http.expect(200, "PUT", "/agent/api/v1/me/status", agent.credential, "{\"status\":" + Json.quote(status) + "}");
    }

    CompletableFuture<HttpResponse<String>> accept(BenchAgent agent, String threadUid) {
        return http.send("POST", "/agent/api/v1/threads/" + threadUid + "/accept", agent.credential, null);
    }

    CompletableFuture<HttpResponse<String>> reply(BenchAgent agent, String threadUid, String clientMessageId,
            String content) {
        return http.send("POST", "/agent/api/v1/threads/" + threadUid + "/messages", agent.credential,
                "{\"clientMessageId\":" + Json.quote(clientMessageId) + ",\"content\":" + Json.quote(content) + "}");
    }

    /** Logs the agents in (and optionally sets a status) a few at a time, as many consoles opening at once would. */
    void loginAll(List<BenchAgent> agents, String status) {
        Semaphore permits = new Semaphore(8);
        List<CompletableFuture<Void>> done = agents.stream().map(agent -> {
            permits.acquireUninterruptibly();
            return CompletableFuture.runAsync(() -> {
                try {
                    login(agent);
                    if (status != null) {
                        setStatus(agent, status);
                    }
                } finally {
                    permits.release();
                }
            });
        }).toList();
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
    }
}
