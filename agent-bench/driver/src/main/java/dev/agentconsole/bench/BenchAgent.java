package dev.agentconsole.bench;

/** A seeded agent the driver has logged in: its number (from 1), uid and current console credential. */
final class BenchAgent {

    final int number;
    final String username;
    volatile String uid;
    volatile String credential;

    BenchAgent(int number) {
        this.number = number;
        this.username = String.format("bench-agent-%04d@example.com", number);
    }
}
