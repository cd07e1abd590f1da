package dev.agentconsole.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines on stdout, with the time, so a long run shows where it is. */
final class Log {

    private Log() {
    }

    static void line(String format, Object... args) {
        System.out.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + String.format(format, args));
    }
}
