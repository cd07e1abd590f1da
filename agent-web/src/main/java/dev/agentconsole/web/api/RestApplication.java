package dev.agentconsole.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All REST resources live under {@code /agent/api}. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
