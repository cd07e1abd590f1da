package dev.agentconsole.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BusThreadsTest {

    /** Like GlassFish 6's managed threads while the application deploys: the first thread ends without the task. */
    private final List<Thread> made = new CopyOnWriteArrayList<>();
    private final ThreadFactory refusesFirst = task -> {
        Thread thread = made.isEmpty()
                ? new Thread(() -> { }) // the server's context set-up failed: the task never runs
                : new Thread(task);
        made.add(thread);
        return thread;
    };

    @Test
    void aTaskWhoseThreadWasRefusedRunsOnANewThreadWhenRestarted() throws Exception {
        BusThreads threads = new BusThreads(refusesFirst);
        CountDownLatch ran = new CountDownLatch(1);
        threads.start("bus", ran::countDown);
        made.get(0).join(5000);
        assertEquals(1, ran.getCount(), "the refused thread did not run the task");

        assertEquals(1, threads.restartRefused());
        assertTrue(ran.await(5, TimeUnit.SECONDS), "the task ran on the second thread");
        assertEquals(2, made.size());
        assertEquals("bus", made.get(1).getName());
    }

    @Test
    void aTaskThatBeganIsNeverStartedAgain() throws Exception {
        List<Thread> plain = new CopyOnWriteArrayList<>();
        BusThreads threads = new BusThreads(task -> {
            Thread thread = new Thread(task);
            plain.add(thread);
            return thread;
        });
        CountDownLatch ran = new CountDownLatch(1);
        threads.start("bus", ran::countDown);
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        plain.get(0).join(5000);

        assertEquals(0, threads.restartRefused());
        assertEquals(1, plain.size());
    }

    @Test
    void aCancelledTaskIsNotRestarted() throws Exception {
        BusThreads threads = new BusThreads(refusesFirst);
        CountDownLatch ran = new CountDownLatch(1);
        threads.start("bus", ran::countDown).cancel();
        made.get(0).join(5000);

        assertEquals(0, threads.restartRefused());
        assertEquals(1, ran.getCount());
    }
}
