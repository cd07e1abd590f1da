package dev.agentconsole.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server JVM seen from outside: CPU time from /proc, heap after a full GC through jcmd. */
final class ServerProbe {

    private static final long TICKS_PER_SECOND = ticksPerSecond();
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private ServerProbe() {
    }

    /** User plus system CPU time of the process, in milliseconds. */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read CPU time of " + pid, e);
        }
    }

    /** CPU use over the next {@code millis}, in percent of one core. */
    static double cpuPercentOver(long pid, long millis) throws InterruptedException {
        long before = cpuMillis(pid);
        long start = System.nanoTime();
        Thread.sleep(millis);
        return (cpuMillis(pid) - before) / 10.0 / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Waits (at most a minute) until the server uses less than the given share of a core: an overloaded step leaves a
     * backlog, and a fresh start compiles and seeds for a while; neither must be billed to what is measured next.
     */
    static void awaitQuiet(long pid, double percent) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        while (cpuPercentOver(pid, 2000) >= percent && System.currentTimeMillis() < until) {
            Log.line("  waiting for the server to go quiet");
        }
    }

    /** Heap in use right after a full collection, in MB. */
    static double heapAfterFullGcMb(long pid) {
        Commands.run(List.of("jcmd", String.valueOf(pid), "GC.run"));
        String info = Commands.run(List.of("jcmd", String.valueOf(pid), "GC.heap_info"));
        Matcher used = USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("no heap figure in: " + info);
        }
        return Long.parseLong(used.group(1)) / 1024.0;
    }

    private static long ticksPerSecond() {
        try {
            return Long.parseLong(Commands.run(List.of("getconf", "CLK_TCK")));
        } catch (RuntimeException e) {
            return 100;
        }
    }
}
