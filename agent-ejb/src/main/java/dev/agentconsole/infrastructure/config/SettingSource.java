package dev.agentconsole.infrastructure.config;

import java.util.Optional;

/** One place a setting can come from; empty when it has no value for the name. */
@FunctionalInterface
public interface SettingSource {

    Optional<String> find(String name);
}
