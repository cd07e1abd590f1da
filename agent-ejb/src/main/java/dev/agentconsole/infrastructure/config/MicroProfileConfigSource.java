package dev.agentconsole.infrastructure.config;

import jakarta.enterprise.inject.Vetoed;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one class that touches MicroProfile Config. {@link SettingLookup} loads it by name only after the API class
 * was found, and keeps it only if a Config can be obtained (GlassFish 7 has the API but no implementation). Its
 * signatures use JDK types only, so loading it never needs the API.
 */
@Vetoed
final class MicroProfileConfigSource implements SettingSource {

    MicroProfileConfigSource() {
        // Throws IllegalStateException ("No ConfigProviderResolver implementation found!") without an implementation.
        ConfigProvider.getConfig();
    }

    @Override
    public Optional<String> find(String name) {
        // Asked each time: the Config belongs to the calling application's class loader.
        return ConfigProvider.getConfig().getOptionalValue(name, String.class);
    }
}
