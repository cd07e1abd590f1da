package dev.agentconsole.model.transfer;

/** Where a transfer offer stands. Only PENDING moves on, and only once: the other states are final. */
public enum OfferState {
    PENDING,
    /** The target took the thread. */
    ACCEPTED,
    /** The target said no; the thread stays with the sender. */
    DECLINED,
    /** The sender took it back. */
    CANCELLED,
    /** Nobody answered in time. */
    EXPIRED,
    /** The thread left the sender another way (closed, transferred elsewhere, back to the queue). */
    WITHDRAWN;

    public boolean isSettled() {
        return this != PENDING;
    }
}
