package dev.agentconsole.bench;

import java.util.List;

/** One fixed-rate step: what was sent, what arrived, how fast, and what it cost the server. */
record StepResult(String target, int sockets, int rate, int sent, double sendSeconds, long delivered,
        double deliverySeconds, double[] latencyMs, String errors, long missing, long serverCpuMillis,
        double windowSeconds, double idleCpuPercent) {

    double sentRate() {
        return sent / sendSeconds;
    }

    /** Frames delivered per second, from the first send to the last frame. */
    double achievedRate() {
        return deliverySeconds <= 0 ? 0 : delivered / deliverySeconds;
    }

    double cpuMillisPerMessage() {
        return sent == 0 ? 0 : (double) serverCpuMillis / sent;
    }

    /**
     * CPU per message above what the server burns with the same sockets open and no load (the console's 3 s catch-up
     * checks, timers): the cost the messages add.
     */
    double netCpuMillisPerMessage() {
        return sent == 0 ? 0 : Math.max(0, serverCpuMillis - idleCpuPercent * 10 * windowSeconds) / sent;
    }

    /** Server CPU over the step in percent of one core. */
    double cpuPercent() {
        return windowSeconds <= 0 ? 0 : serverCpuMillis / 10.0 / windowSeconds;
    }

    static List<String> header() {
        return List.of("target", "sockets", "rate/s", "sent/s", "achieved/s", "p50 ms", "p95 ms", "p99 ms", "max ms",
                "errors", "no frame", "server CPU ms/msg", "net of idle", "server CPU %");
    }

    List<String> row() {
        return List.of(target, String.valueOf(sockets), String.valueOf(rate), String.format("%.0f", sentRate()),
                String.format("%.0f", achievedRate()), Report.ms(latencyMs[0]), Report.ms(latencyMs[1]),
                Report.ms(latencyMs[2]), Report.ms(latencyMs[3]), errors, String.valueOf(missing),
                String.format("%.2f", cpuMillisPerMessage()), String.format("%.2f", netCpuMillisPerMessage()),
                String.format("%.0f", cpuPercent()));
    }
}
