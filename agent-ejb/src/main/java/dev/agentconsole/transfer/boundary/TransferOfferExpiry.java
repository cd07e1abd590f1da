package dev.agentconsole.transfer.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every second, on every cluster member: offers whose time is up (or whose thread left the sender) are settled. One
 * indexed query a second when nothing is due. A singleton, so ticks on one member never overlap.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TransferOfferExpiry {

    private static final Logger LOG = Logger.getLogger(TransferOfferExpiry.class.getName());
    private static final long QUIET_MILLIS = 60_000;

    @EJB
    TransferOffers offers;

    private long lastFailureLoggedAt;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void tick() {
        try {
            int settled = offers.expireDue(Instant.now());
            if (settled > 0) {
                LOG.fine(() -> settled + " transfer offers expired");
            }
        } catch (RuntimeException e) {
            // The database may be starting or gone; one line a minute at most, and the next tick tries again.
            long now = System.currentTimeMillis();
            if (now - lastFailureLoggedAt > QUIET_MILLIS) {
                lastFailureLoggedAt = now;
                LOG.log(Level.INFO, "transfer offer expiry failed: {0}", String.valueOf(e));
            }
        }
    }
}
