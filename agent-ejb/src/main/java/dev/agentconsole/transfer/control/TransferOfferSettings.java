package dev.agentconsole.transfer.control;

import dev.agentconsole.infrastructure.config.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** How long a colleague has to answer a transfer offer ({@code agent.transfer.offer-timeout}, default 60 s). */
@ApplicationScoped
public class TransferOfferSettings {

    @Inject
    @Setting(value = "agent.transfer.offer-timeout", defaultValue = "PT60S")
    Duration offerTimeout;

    public Duration offerTimeout() {
        return offerTimeout;
    }
}
