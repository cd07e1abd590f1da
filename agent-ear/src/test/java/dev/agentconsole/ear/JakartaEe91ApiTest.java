package dev.agentconsole.ear;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default build's proof that the application needs no more than Jakarta EE 9.1 (WebLogic 15.1.1, README): the
 * main sources of the model, EJB and web modules compiled against {@code jakarta.jakartaee-api} 9.1.0 alone (this
 * module's test class path: that jar, the MicroProfile APIs without their EE 10 core profile, EclipseLink, Flyway,
 * Nimbus, Hazelcast). {@code mvn -Pjakartaee-9.1} compiles and packages everything that way; this check keeps the
 * ordinary EE 10 build from growing an EE 10-only call unnoticed.
 */
class JakartaEe91ApiTest {

    private static final List<String> MODULES = List.of("agent-model", "agent-ejb", "agent-web");

    @TempDir
    Path classes;

    @Test
    void everyModuleCompilesAgainstTheJakartaEe91Apis() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String module : MODULES) {
            try (Stream<Path> files = Files.walk(projectRoot().resolve(module).resolve("src/main/java"))) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
            }
        }
        assertTrue(sources.size() > 100, "the modules' sources were found: " + sources.size());

        StringWriter errors = new StringWriter();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            boolean compiled = javac.getTask(errors, files, null, options(), null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            assertTrue(compiled, "an API beyond Jakarta EE 9.1 is used (behind an adapter or not at all):\n" + errors);
        }
    }

    /** The check can fail: a CDI 4 (EE 10) type does not compile on the same class path. */
    @Test
    void anEe10OnlyApiDoesNotCompileOnThatClassPath() {
        JavaFileObject ee10 = new SimpleJavaFileObject(URI.create("string:///Ee10.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return "class Ee10 { void started(@jakarta.enterprise.event.Observes jakarta.enterprise.event.Startup"
                        + " event) { } }";
            }
        };
        StringWriter errors = new StringWriter();
        boolean compiled = ToolProvider.getSystemJavaCompiler()
                .getTask(errors, null, null, options(), null, List.of(ee10)).call();
        assertFalse(compiled, "jakarta.enterprise.event.Startup is CDI 4.0, not in EE 9.1");
        assertTrue(errors.toString().contains("Startup"), errors.toString());
    }

    private List<String> options() {
        return List.of("--release", "17", "-proc:none", "-implicit:none", "-nowarn", "-encoding", "UTF-8",
                "-d", classes.toString(), "-classpath", classPath());
    }

    /** This module's test class path, without the application's own compiled modules (compiled here from source). */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            List<String> elements = new ArrayList<>();
            Path.of(entry).forEach(element -> elements.add(element.toString()));
            if (MODULES.stream().noneMatch(elements::contains)) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path projectRoot() {
        return Path.of(System.getProperty("agent.projectRoot", "..")).toAbsolutePath().normalize();
    }
}
