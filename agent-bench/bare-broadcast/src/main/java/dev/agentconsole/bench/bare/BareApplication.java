package dev.agentconsole.bench.bare;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS under {@code /bare/api}. */
@ApplicationPath("/api")
public class BareApplication extends Application {
}
