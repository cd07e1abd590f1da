package dev.agentconsole.ear;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Runs a server's command-line tools with their output in one log, and waits for conditions with a deadline. */
final class ServerCommands {

    private final Path log;

    ServerCommands(Path log) throws IOException {
        this.log = log;
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        Files.createFile(log);
    }

    Path log() {
        return log;
    }

    /** Runs the command to its end (at most five minutes) and answers its exit code. */
    int run(List<String> command) throws IOException, InterruptedException {
        Process process = start(command, Map.of());
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish; see " + log);
        }
        return process.exitValue();
    }

    /** Runs the command and fails with the log when it does not succeed. */
    void require(List<String> command) throws IOException, InterruptedException {
        int exit = run(command);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + exit + "):\n" + tail());
        }
    }

    /** Starts a long-running process (a server in the foreground) with extra environment variables. */
    Process start(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Polls until the condition holds; fails with the log's end when the deadline passes. */
    void await(String what, Duration timeout, BooleanSupplier condition) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + timeout + ":\n" + tail());
            }
            Thread.sleep(250);
        }
    }

    /** True when the URL answers 200 now. */
    static boolean answers200(String url) {
        try {
            return EarSmokeTest.HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
