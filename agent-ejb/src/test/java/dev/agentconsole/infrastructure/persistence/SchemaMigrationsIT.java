package dev.agentconsole.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The migrations on PostgreSQL, outside any container: members that start together each run them on one database,
 * and every version is applied exactly once; a database created by an earlier version (EclipseLink DDL) is upgraded
 * with its data. Each test works in a scratch database of its own, dropped afterwards.
 */
class SchemaMigrationsIT {

    private static final int MEMBERS = 4;
    private static final String HOST = System.getProperty("agent.it.postgres.host", "127.0.0.1");
    private static final int PORT = Integer.getInteger("agent.it.postgres.port", 5432);
    private static final String USER = System.getProperty("agent.it.postgres.user", "postgres");
    private static final String PASSWORD = System.getProperty("agent.it.postgres.password", "postgres");

    private final String database = "agent_migrations_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void createScratchDatabase() throws SQLException {
        try (Connection admin = dataSource("postgres").getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void dropScratchDatabase() throws SQLException {
        try (Connection admin = dataSource("postgres").getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void membersStartingTogetherOnAnEmptyDatabaseApplyEachVersionOnce() throws Exception {
        List<MigrateResult> results = migrateConcurrently();

        List<String> versions = versionsInRepository(MIGRATIONS);
        assertTrue(versions.size() >= 2, versions.toString());
        assertEquals(versions.size(), results.stream().mapToInt(result -> result.migrationsExecuted).sum(),
                "each version is applied by exactly one member");
        results.forEach(result -> assertTrue(result.success));
        assertEquals(versions, appliedVersions());
        assertEquals("timestamp with time zone", columnType("chat_thread", "createdat"));
    }

    @Test
    void aDatabaseCreatedByAnEarlierVersionIsBaselinedAndUpgradedWithItsData() throws Exception {
        Instant createdAt = Instant.parse("2026-03-01T09:15:30.123456Z");
        try (Connection connection = dataSource(database).getConnection()) {
            connection.createStatement().execute(resource("/eclipselink-created-postgresql.sql"));
            connection.createStatement().execute("INSERT INTO organisation (id, name, uid) VALUES (1, 'Org', 'org')");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stream_event"
                    + " (id, createdat, payload, seq, streamkey, type) VALUES (1, ?, '{}', 1, 'agent:a', 'hello')")) {
                insert.setBytes(1, serialised(createdAt));
                insert.executeUpdate();
            }
        }

        migrateConcurrently();

        List<String> versions = new java.util.ArrayList<>(List.of("0"));
        versions.addAll(versionsInRepository(MIGRATIONS));
        assertEquals(versions, appliedVersions());
        try (Connection connection = dataSource(database).getConnection();
                ResultSet row = connection.createStatement().executeQuery("SELECT createdat FROM stream_event")) {
            row.next();
            assertEquals(createdAt, row.getObject(1, OffsetDateTime.class).toInstant());
        }
        assertEquals(1, count("SELECT COUNT(*) FROM information_schema.table_constraints"
                + " WHERE constraint_name = 'message_sender_client_id'"));
        assertEquals(0, count("SELECT COUNT(*) FROM information_schema.table_constraints"
                + " WHERE constraint_name = 'message_client_id'"));
    }

    private static final java.nio.file.Path MIGRATIONS =
            java.nio.file.Path.of("src", "main", "resources", "db", "migration", "postgresql");

    /** The versions of the PostgreSQL migrations in the repository, in order: what a database must end up with. */
    static List<String> versionsInRepository(java.nio.file.Path directory) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                    .collect(java.util.stream.Collectors.toList());
        }
    }

    /** Every member waits at the gate, then all migrate at once, as members of a cluster starting together do. */
    private List<MigrateResult> migrateConcurrently() throws Exception {
        ExecutorService members = Executors.newFixedThreadPool(MEMBERS);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<MigrateResult>> runs = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                runs.add(members.submit(() -> {
                    gate.await();
                    return SchemaMigrations.forDataSource(dataSource(database)).migrate();
                }));
            }
            gate.countDown();
            List<MigrateResult> results = new ArrayList<>();
            for (Future<MigrateResult> run : runs) {
                results.add(run.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            members.shutdownNow();
        }
    }

    private List<String> appliedVersions() throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = dataSource(database).getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT version FROM flyway_schema_history"
                        + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    private String columnType(String table, String column) throws SQLException {
        try (Connection connection = dataSource(database).getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT data_type FROM information_schema.columns"
                        + " WHERE table_name = ? AND column_name = ?")) {
            query.setString(1, table);
            query.setString(2, column);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource(database).getConnection();
                ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static PGSimpleDataSource dataSource(String name) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {HOST});
        dataSource.setPortNumbers(new int[] {PORT});
        dataSource.setDatabaseName(name);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return dataSource;
    }

    private static byte[] serialised(Instant instant) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(instant);
        }
        return bytes.toByteArray();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SchemaMigrationsIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
