package dev.agentconsole.web.cluster.payara;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import dev.agentconsole.web.cluster.ClusterBus;
import java.util.UUID;
import java.util.function.Consumer;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The cluster bus on Payara (Micro above all, where there is no JMS broker): a topic of the Hazelcast data grid that
 * Payara runs and binds at {@value #INSTANCE_NAME}. The only class that knows Payara or Hazelcast; it is outside CDI's
 * scan (beans.xml) and loaded by name only when chosen, so other servers never load it.
 */
public final class HazelcastTopicBus implements ClusterBus {

    static final String INSTANCE_NAME = "payara/Hazelcast";

    private final HazelcastInstance grid;
    private final ITopic<String> topic;
    private final UUID listener;

    /** Fails (NamingException, or Hazelcast's own) where Payara runs without its data grid ({@code --nohazelcast}). */
    public HazelcastTopicBus(String topicName, Consumer<String> receiver) throws NamingException {
        grid = (HazelcastInstance) new InitialContext().lookup(INSTANCE_NAME);
        topic = grid.getTopic(topicName);
        // Hazelcast calls listeners on its event threads, one topic's messages in publishing order per member.
        listener = topic.addMessageListener(message -> receiver.accept(message.getMessageObject()));
    }

    @Override
    public void publish(String message) {
        topic.publish(message);
    }

    @Override
    public String describe() {
        return "Payara's Hazelcast topic " + topic.getName() + " (" + grid.getCluster().getMembers().size()
                + " member(s) now)";
    }

    @Override
    public void close() {
        try {
            topic.removeMessageListener(listener);
        } catch (RuntimeException gridAlreadyDown) {
            // Payara stops the grid on shutdown, possibly before the application.
        }
    }
}
