package dev.agentconsole.web.it;

import dev.agentconsole.transfer.control.TransferOfferSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;

/**
 * Test-only: deployed by {@link TransferOffersIT} alone, it lets a test shorten the offer timeout (the deployment's
 * 60 s otherwise), so expiry is seen in a second without a setting that would reach other tests.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class AdjustableOfferTimeout extends TransferOfferSettings {

    private volatile Duration timeout;

    public void set(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Duration offerTimeout() {
        return timeout != null ? timeout : super.offerTimeout();
    }
}
