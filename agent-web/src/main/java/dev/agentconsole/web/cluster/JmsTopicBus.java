package dev.agentconsole.web.cluster;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cluster bus on full servers: a Jakarta Messaging topic of the server's broker (OpenMQ on Payara Server and
 * GlassFish, Artemis on WildFly, WebLogic JMS). Non-durable and non-persistent: a member that is down misses messages
 * and its consoles catch up from the log. Received by a plain consumer on a container-managed thread rather than an
 * MDB, so the same classes run where there is no broker (Payara Micro) and the topic stays a setting.
 */
final class JmsTopicBus implements ClusterBus {

    private static final Logger LOG = Logger.getLogger(JmsTopicBus.class.getName());
    private static final long RECEIVE_WAIT_MILLIS = 1000;
    private static final long RECONNECT_WAIT_MILLIS = 2000;

    private final ConnectionFactory factory;
    private final Topic topic;
    private final Consumer<String> receiver;
    private final BusThreads.Task receiving;
    private volatile boolean open = true;
    /** Used by the one sender thread only. */
    private JMSContext sending;

    JmsTopicBus(ConnectionFactory factory, Topic topic, BusThreads threads, Consumer<String> receiver) {
        this.factory = factory;
        this.topic = topic;
        this.receiver = receiver;
        this.receiving = threads.start("agent-cluster-bus-jms", this::receiveUntilClosed);
    }

    @Override
    public void publish(String message) {
        try {
            if (sending == null) {
                sending = factory.createContext();
            }
            sending.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(topic, message);
        } catch (JMSRuntimeException e) {
            closeSending();
            throw e;
        }
    }

    private void receiveUntilClosed() {
        while (open) {
            try (JMSContext context = factory.createContext(); JMSConsumer consumer = context.createConsumer(topic)) {
                while (open) {
                    String message = consumer.receiveBody(String.class, RECEIVE_WAIT_MILLIS);
                    if (message != null) {
                        receiver.accept(message);
                    }
                }
            } catch (RuntimeException e) {
                if (open) {
                    LOG.log(Level.WARNING, "cluster bus: the topic consumer failed; reconnecting", e);
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(RECONNECT_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
    }

    @Override
    public String describe() {
        try {
            return "Jakarta Messaging topic " + topic.getTopicName();
        } catch (JMSException e) {
            return "Jakarta Messaging topic " + topic;
        }
    }

    @Override
    public void close() {
        open = false;
        receiving.cancel();
        closeSending();
    }

    private void closeSending() {
        if (sending != null) {
            try {
                sending.close();
            } catch (RuntimeException ignored) {
                // closing what failed
            }
            sending = null;
        }
    }
}
