package dev.agentconsole.web.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the server was doing when a request of a test hung: the threads of every Payara Micro JVM on this machine and,
 * on PostgreSQL, the sessions and the locks they wait for. A rare timeout in CI left nothing to go on but the test's
 * line; this prints the evidence into the test's output at the moment it happens.
 */
public final class ServerDiagnostics {

    private ServerDiagnostics() {
    }

    public static void dump(String why) {
        StringBuilder out = new StringBuilder("\n===== server diagnostics: ").append(why).append(" =====\n");
        for (String pid : microPids()) {
            out.append("--- threads of Payara Micro pid ").append(pid).append('\n');
            out.append(run(List.of("jcmd", pid, "Thread.print"), 20));
        }
        if ("postgres".equals(System.getProperty("agent.it.db"))) {
            out.append("--- PostgreSQL sessions and blocked locks\n");
            out.append(run(List.of("psql", "-h", System.getProperty("agent.it.postgres.host", "127.0.0.1"),
                    "-U", System.getProperty("agent.it.postgres.user", "postgres"), "-d", "postgres", "-c",
                    "select pid, datname, state, wait_event_type, wait_event, now() - xact_start as in_tx,"
                            + " left(query, 160) as query from pg_stat_activity where datname is not null",
                    "-c", "select pid, locktype, relation::regclass, mode, granted from pg_locks where not granted"),
                    10));
        }
        System.err.println(out.append("===== end of server diagnostics =====\n"));
    }

    private static List<String> microPids() {
        List<String> pids = new ArrayList<>();
        for (String line : run(List.of("jcmd", "-l"), 10).split("\n")) {
            if (line.contains("payara-micro")) {
                pids.add(line.substring(0, line.indexOf(' ')).strip());
            }
        }
        return pids;
    }

    private static String run(List<String> command, int seconds) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "(" + command.get(0) + " took over " + seconds + " s)\n";
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + command.get(0) + " could not run: " + e.getMessage() + ")\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)\n";
        }
    }
}
