package dev.agentconsole.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** A running server with its bench agents and the clients that talk to it. */
final class Fixture {

    static final int WORKGROUPS = 10;

    final MicroServer server;
    final List<BenchAgent> agents = new ArrayList<>();
    final Map<String, BenchAgent> agentsByUid = new HashMap<>();
    Http http;
    ConsoleApi console;
    VisitorApi visitors;

    Fixture(MicroServer server, int agentCount) {
        this.server = server;
        for (int n = 1; n <= agentCount; n++) {
            agents.add(new BenchAgent(n));
        }
        connect();
    }

    /** Fresh clients (after a restart the old pooled connections point at a dead process). */
    void connect() {
        http = new Http(server.base());
        console = new ConsoleApi(http, new TokenMinter(MicroServer.TOKEN_SECRET));
        visitors = new VisitorApi(http);
    }

    void login(List<BenchAgent> which, String status) {
        console.loginAll(which, status);
        which.forEach(agent -> agentsByUid.put(agent.uid, agent));
    }

    /** Agent n is in workgroup ((n - 1) mod 10) + 1, as the seeder places it. */
    static String workgroup(int index) {
        return String.format("wg-bench-%02d", index % WORKGROUPS + 1);
    }

    /** Starts visitor threads round-robin over the workgroups, a few at a time (each is a routing transaction). */
    List<VisitorApi.VisitorThread> startThreads(int count, String prefix) {
        Semaphore permits = new Semaphore(8);
        List<CompletableFuture<VisitorApi.VisitorThread>> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            permits.acquireUninterruptibly();
            started.add(visitors.start(workgroup(i), prefix + "-" + i).whenComplete((t, e) -> permits.release()));
        }
        return started.stream().map(CompletableFuture::join).toList();
    }

    void closeThreads(List<VisitorApi.VisitorThread> threads) {
        Semaphore permits = new Semaphore(8);
        List<CompletableFuture<?>> closing = new ArrayList<>();
        for (VisitorApi.VisitorThread thread : threads) {
            permits.acquireUninterruptibly();
            closing.add(visitors.close(thread).whenComplete((r, e) -> permits.release()));
        }
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).handle((v, e) -> null).join();
    }
}
