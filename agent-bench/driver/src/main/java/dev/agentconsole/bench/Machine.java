package dev.agentconsole.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on, and how busy the machine was (another build may share the cores). */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return "nproc " + Runtime.getRuntime().availableProcessors() + ", RAM " + memTotalGb() + " GB, kernel "
                + read("/proc/sys/kernel/osrelease") + ", JDK " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version");
    }

    /** The 1, 5 and 15 minute load averages, as uptime prints them. */
    static String loadAverage() {
        String[] fields = read("/proc/loadavg").split(" ");
        return fields.length >= 3 ? fields[0] + ", " + fields[1] + ", " + fields[2] : "?";
    }

    private static String memTotalGb() {
        for (String line : read("/proc/meminfo").split("\n")) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                return String.format("%.1f", kb / 1024.0 / 1024.0);
            }
        }
        return "?";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
