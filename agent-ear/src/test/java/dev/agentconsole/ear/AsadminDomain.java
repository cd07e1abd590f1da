package dev.agentconsole.ear;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Payara Server or GlassFish domain driven by {@code asadmin}: created with a port base, started, stopped. */
final class AsadminDomain {

    private final Path asadmin;
    private final Path domainDir;
    private final String name;
    private final int portbase;
    private final ServerCommands commands;

    AsadminDomain(Path serverHome, Path domainDir, String name, int portbase, ServerCommands commands) {
        this.asadmin = serverHome.resolve("bin").resolve("asadmin");
        this.domainDir = domainDir;
        this.name = name;
        this.portbase = portbase;
        this.commands = commands;
    }

    /** The console's base URL: the HTTP listener is the port base + 80. */
    String consoleUrl() {
        return "http://localhost:" + (portbase + 80) + "/agent/";
    }

    void createAndStart() throws IOException, InterruptedException {
        commands.run(command("delete-domain", "--domaindir", domainDir.toString(), name));
        commands.require(command("create-domain", "--nopassword", "--portbase", String.valueOf(portbase),
                "--domaindir", domainDir.toString(), name));
        commands.require(command("start-domain", "--domaindir", domainDir.toString(), name));
    }

    /** A remote command against the running domain's admin port (port base + 48). */
    void require(String... args) throws IOException, InterruptedException {
        List<String> remote = new ArrayList<>(List.of("--port", String.valueOf(portbase + 48)));
        remote.addAll(List.of(args));
        commands.require(command(remote.toArray(String[]::new)));
    }

    /** The settings as server system properties ({@code create-system-properties}). */
    void setSystemProperties(String[][] settings) throws IOException, InterruptedException {
        List<String> pairs = new ArrayList<>();
        for (String[] setting : settings) {
            pairs.add(setting[0] + "=" + setting[1]);
        }
        require("create-system-properties", String.join(":", pairs));
    }

    void deploy(Path ear) throws IOException, InterruptedException {
        require("deploy", "--name", "agent-console", ear.toString());
    }

    void stop() throws IOException, InterruptedException {
        commands.run(command("stop-domain", "--domaindir", domainDir.toString(), name));
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(asadmin.toString());
        command.add("--interactive=false");
        command.addAll(List.of(args));
        return command;
    }
}
