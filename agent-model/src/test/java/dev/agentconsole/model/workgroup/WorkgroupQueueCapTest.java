package dev.agentconsole.model.workgroup;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentconsole.model.organisation.Organisation;
import org.junit.jupiter.api.Test;

/** The queue cap: the workgroup's own when set, else the deployment's default; a full queue refuses with queue_full. */
class WorkgroupQueueCapTest {

    private final Workgroup sales = new Workgroup(new Organisation("org", "Org"), "sales", "Sales");

    @Test
    void theDefaultCapAppliesUntilTheWorkgroupHasItsOwn() {
        assertDoesNotThrow(() -> sales.admitVisitorThread(9, 10));
        assertEquals("queue_full", assertThrows(QueueFullException.class, () -> sales.admitVisitorThread(10, 10))
                .getCode());

        sales.capQueue(2);
        assertDoesNotThrow(() -> sales.admitVisitorThread(1, 10));
        assertThrows(QueueFullException.class, () -> sales.admitVisitorThread(2, 10));

        sales.capQueue(null);
        assertDoesNotThrow(() -> sales.admitVisitorThread(2, 10));
    }

    @Test
    void aCapOfZeroRefusesEveryThreadThatWouldWait() {
        sales.capQueue(0);
        assertThrows(QueueFullException.class, () -> sales.admitVisitorThread(0, 10));
    }

    @Test
    void aNegativeCapIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> sales.capQueue(-1));
        assertEquals(null, sales.getQueueCap());
    }
}
