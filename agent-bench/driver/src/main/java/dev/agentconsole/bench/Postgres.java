package dev.agentconsole.bench;

import java.util.List;

/**
 * The benchmark's own PostgreSQL database (never the tests' {@code test} database), recreated so every run starts
 * empty, and its transaction counters for "database statements per second".
 */
final class Postgres {

    static final String HOST = "127.0.0.1";
    static final int PORT = 5432;
    static final String USER = "postgres";
    static final String DATABASE = "agent_bench";

    private Postgres() {
    }

    static boolean available() {
        try {
            return "1".equals(psql("postgres", "select 1"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    static void recreate() {
        psql("postgres", "drop database if exists " + DATABASE + " with (force)");
        psql("postgres", "create database " + DATABASE);
    }

    /**
     * Committed plus rolled-back transactions of the benchmark database so far (pg_stat_database). Every statement
     * the application sends runs in some transaction, so the delta over a window bounds statement traffic from below;
     * pg_stat_statements would count statements, but it is not loaded on this server.
     */
    static long transactions() {
        psql("postgres", "select pg_stat_clear_snapshot()");
        return Long.parseLong(psql("postgres", "select xact_commit + xact_rollback from pg_stat_database where datname = '"
                + DATABASE + "'"));
    }

    private static String psql(String database, String sql) {
        return Commands.run(List.of("psql", "-h", HOST, "-p", String.valueOf(PORT), "-U", USER, "-d", database,
                "-v", "ON_ERROR_STOP=1", "-Atqc", sql));
    }
}
