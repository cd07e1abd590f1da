package dev.agentconsole.web.cluster;

import dev.agentconsole.event.boundary.StreamEventRecorded;
import dev.agentconsole.event.boundary.VisitorNotice;
import dev.agentconsole.web.auth.ConsoleCredentials;
import dev.agentconsole.web.auth.SignedOutSessions;
import dev.agentconsole.web.visitor.VisitorSessions;
import dev.agentconsole.web.ws.ConsoleSessions;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import dev.agentconsole.infrastructure.config.Setting;

/**
 * Carries what is committed on this member to the consoles and visitor pages connected to the others, through the
 * server's own engine ({@link ClusterBus}), and hands what the others committed to the same local delivery as this
 * member's own events. Publishing happens after commit on one sender thread, so a request never waits on the network;
 * a message lost on the way (a full queue, a member restarting) is filled by the consoles' catch-up from the log, and
 * one that arrives twice is dropped by the console's sequence check.
 *
 * <p>The engine is chosen at start ({@code agent.cluster.bus}): {@code jms} (a Jakarta Messaging topic named by
 * {@code agent.cluster.jms-topic}), {@code hazelcast} (Payara's data grid), {@code none}, or {@code auto}: JMS when a
 * topic is configured, else Payara's grid when the server runs one, else none.
 */
@ApplicationScoped
public class ClusterRelay implements ClusterMessages.Receiver {

    static final String HAZELCAST_TOPIC = "agent-console-bus";
    static final String HAZELCAST_ADAPTER = "dev.agentconsole.web.cluster.payara.HazelcastTopicBus";
    /** Messages waiting to be published; beyond this they are dropped and the catch-up delivers them. */
    static final int QUEUE_LIMIT = 10_000;
    private static final Logger LOG = Logger.getLogger(ClusterRelay.class.getName());

    /** Tells this member's messages from the others' on a topic that every member, itself included, hears. */
    private final String member = UUID.randomUUID().toString();
    private final BlockingQueue<Supplier<String>> outgoing = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean heardItself = new AtomicBoolean();
    private volatile ClusterBus bus;
    private volatile Thread sender;

    @Inject
    @Setting(value = "agent.cluster.bus", defaultValue = "auto")
    String choice;

    @Inject
    @Setting("agent.cluster.jms-topic")
    Optional<String> jmsTopic;

    @Inject
    @Setting(value = "agent.cluster.jms-connection-factory", defaultValue = "java:comp/DefaultJMSConnectionFactory")
    String jmsConnectionFactory;

    @Inject
    ConsoleSessions consoles;

    @Inject
    VisitorSessions visitors;

    @Inject
    SignedOutSessions signedOut;

    @Resource
    ManagedThreadFactory threads;

    /** Joins the bus when the application starts, so other members' messages arrive before any local change. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        String engine = choice.trim().toLowerCase();
        try {
            bus = switch (engine) {
                case "none" -> null;
                case "jms" -> jmsBus();
                case "hazelcast" -> hazelcastBus();
                case "auto" -> jmsTopic.isPresent() ? jmsBus() : hazelcastBusIfRunning();
                default -> throw new IllegalArgumentException("agent.cluster.bus: unknown engine " + choice
                        + " (auto, none, jms, hazelcast)");
            };
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "Cluster bus " + engine + " unavailable; other members' changes reach consoles "
                    + "here through the catch-up from the database only", e);
            bus = null;
        }
        if (bus == null) {
            LOG.info("Cluster bus: none (a single member, or consoles catch up from the database)");
            return;
        }
        startSending();
        LOG.info("Cluster bus: " + bus.describe());
    }

    /** Publishes through this bus from now on (the start above; tests hand in their own). */
    void join(ClusterBus joined) {
        bus = joined;
        startSending();
    }

    private void startSending() {
        Thread thread = threadFactory().newThread(this::sendUntilStopped);
        thread.setName("agent-cluster-bus-sender");
        sender = thread;
        thread.start();
    }

    private ClusterBus jmsBus() throws NamingException {
        String topicName = jmsTopic.orElseThrow(() -> new IllegalArgumentException(
                "agent.cluster.bus=jms needs agent.cluster.jms-topic (the topic's JNDI name)"));
        InitialContext naming = new InitialContext();
        return new JmsTopicBus((ConnectionFactory) naming.lookup(jmsConnectionFactory),
                (Topic) naming.lookup(topicName), threadFactory(), this::receive);
    }

    /** Loaded by name: the class and Hazelcast's API exist only on Payara. */
    private ClusterBus hazelcastBus() throws ReflectiveOperationException {
        Consumer<String> receiver = this::receive;
        return (ClusterBus) Class.forName(HAZELCAST_ADAPTER, true, ClusterRelay.class.getClassLoader())
                .getConstructor(String.class, Consumer.class)
                .newInstance(HAZELCAST_TOPIC, receiver);
    }

    private ClusterBus hazelcastBusIfRunning() {
        try {
            return hazelcastBus();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError absent) {
            // Not Payara, or Payara without its data grid (--nohazelcast): nothing to join.
            LOG.log(Level.FINE, "no Payara data grid", absent);
            return null;
        }
    }

    private ThreadFactory threadFactory() {
        return threads != null ? threads : Thread::new;
    }

    @PreDestroy
    void stop() {
        Thread thread = sender;
        sender = null;
        if (thread != null) {
            thread.interrupt();
        }
        ClusterBus closing = bus;
        bus = null;
        if (closing != null) {
            closing.close();
        }
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamEventRecorded event) {
        enqueue(() -> ClusterMessages.event(member, event));
    }

    void onVisitorNotice(@Observes(during = TransactionPhase.AFTER_SUCCESS) VisitorNotice notice) {
        enqueue(() -> ClusterMessages.visitorNotice(member, notice));
    }

    /** A logout here: the sign-out is already stored (the safety net); the bus ends it elsewhere at once. */
    void onSignedOut(@Observes ConsoleCredentials.SessionEnded ended) {
        enqueue(() -> ClusterMessages.signedOut(member, ended.sessionId(), ended.validUntil()));
    }

    private void enqueue(Supplier<String> message) {
        if (bus != null && !outgoing.offer(message)) {
            dropped.incrementAndGet();
        }
    }

    private void sendUntilStopped() {
        List<Supplier<String>> batch = new ArrayList<>();
        while (sender == Thread.currentThread()) {
            try {
                batch.add(outgoing.take());
                outgoing.drainTo(batch, 255);
                ClusterBus target = bus;
                for (Supplier<String> message : batch) {
                    if (target != null) {
                        target.publish(message.get());
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The catch-up delivers what this batch carried; keep the thread for the next one.
                dropped.addAndGet(batch.size());
                LOG.log(Level.FINE, "cluster bus: publishing failed", e);
            } finally {
                batch.clear();
            }
        }
    }

    /** A message from the bus: another member's goes to the same delivery as this member's own events. */
    void receive(String message) {
        try {
            switch (ClusterMessages.dispatch(message, member, this)) {
                case OTHER -> {
                    // Counted where it is handed on (below), so the count never lags a delivery.
                }
                case SELF -> {
                    if (heardItself.compareAndSet(false, true)) {
                        // Proof in the log that the engine delivers, not only that it was found.
                        LOG.info("Cluster bus: delivering (this member heard its first own message back)");
                    }
                }
                case UNKNOWN -> LOG.log(Level.FINE, "cluster bus: message of an unknown kind ignored");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cluster bus: unreadable message dropped", e);
        }
    }

    @Override
    public void committed(StreamEventRecorded event) {
        received.incrementAndGet();
        consoles.deliver(event);
    }

    @Override
    public void visitorNotice(VisitorNotice notice) {
        received.incrementAndGet();
        visitors.deliver(notice);
    }

    @Override
    public void signedOut(String sessionId, Instant validUntil) {
        received.incrementAndGet();
        signedOut.learn(sessionId, validUntil);
        consoles.endSession(sessionId);
    }

    /** Messages from other members handed to local delivery since start. */
    public long received() {
        return received.get();
    }

    /** Messages not published (queue full, engine failed); their consoles catch up from the log. */
    public long dropped() {
        return dropped.get();
    }

    /** What carries messages to the other members, or empty for none. */
    public Optional<String> engine() {
        ClusterBus current = bus;
        return current == null ? Optional.empty() : Optional.of(current.describe());
    }
}
