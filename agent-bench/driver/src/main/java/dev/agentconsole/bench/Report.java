package dev.agentconsole.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BENCHMARKS.md: each phase owns a section between markers and a run replaces only the sections it measured, so the
 * harness can be run in pieces. The "Profile notes" section is written once and then left to people.
 */
final class Report {

    private static final String INTRO = """
            # Benchmarks

            Measured by the harness in `agent-bench` (`./bench.sh`; not part of `mvn -B verify`). It starts Payara Micro
            with the console (`/agent`) and a bare broadcast baseline (`/bare`: a JAX-RS POST that writes the body to
            WebSocket sessions, no database) in the same JVM, provisions bench agents through `agent.demo.scale.agents`,
            logs them in with HS384 tokens, and drives visitor messages at fixed open-loop rates. Latency is from the
            time a message's POST was due to the arrival of its `message_created` frame at the assigned agent's socket.
            Server CPU comes from `/proc/<pid>/stat` of the Micro process, heap from `jcmd GC.run` + `GC.heap_info`.
            The driver runs on the same machine and competes for the same cores: read the load averages.

            Commands: `./bench.sh` (everything, embedded H2, kill check on H2 and PostgreSQL),
            `./bench.sh --postgres` (PostgreSQL for every phase), `./bench.sh --only load,hot,idle,kill,cluster`,
            `./bench.sh --quick` (smoke of every phase with small numbers; writes `agent-bench/target/BENCHMARKS-quick.md`).
            """;
    private static final String PROFILE_NOTES = """
            ## Profile notes

            _To be filled from a JFR recording of a load run (`jcmd <pid> JFR.start duration=30s filename=/tmp/x.jfr`,
            then `jfr print --events jdk.ExecutionSample`)._
            """;

    private final Path file;
    private final Map<String, String> sections = new LinkedHashMap<>();

    Report(Path file) {
        this.file = file;
    }

    static String now() {
        return ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replaceAll("\\.\\d+", "");
    }

    /** Sets a section, prints it, and rewrites the file at once, so a later failure keeps what was measured. */
    void section(String id, String markdown) throws IOException {
        sections.put(id, markdown.strip());
        System.out.println();
        System.out.println(markdown.strip());
        System.out.println();
        write();
    }

    /** Drops a section (an earlier failure of a phase that has now succeeded). */
    void remove(String id) throws IOException {
        sections.put(id, null);
        write();
    }

    private void write() throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : INTRO + "\n" + PROFILE_NOTES;
        for (Map.Entry<String, String> section : sections.entrySet()) {
            String start = "<!-- bench:" + section.getKey() + " -->";
            String end = "<!-- /bench:" + section.getKey() + " -->";
            String block = start + "\n" + section.getValue() + "\n" + end;
            int from = text.indexOf(start);
            int to = text.indexOf(end);
            if (section.getValue() == null) {
                if (from >= 0 && to > from) {
                    text = text.substring(0, from) + text.substring(to + end.length()).replaceFirst("^\n+", "");
                }
            } else if (from >= 0 && to > from) {
                text = text.substring(0, from) + block + text.substring(to + end.length());
            } else {
                // New sections go before the profile notes, in phase order as they come.
                int notes = text.indexOf("## Profile notes");
                text = notes < 0 ? text + "\n" + block + "\n" : text.substring(0, notes) + block + "\n\n"
                        + text.substring(notes);
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
    }

    /** A markdown table. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> text.append("---|"));
        text.append('\n');
        for (List<String> row : rows) {
            text.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return text.toString();
    }

    static String ms(double value) {
        return Double.isNaN(value) ? "-" : value >= 100 ? String.format("%.0f", value) : String.format("%.1f", value);
    }
}
