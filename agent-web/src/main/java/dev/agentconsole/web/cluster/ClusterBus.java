package dev.agentconsole.web.cluster;

/**
 * The server's own engine for telling the other cluster members what was committed here. Messages are short JSON
 * strings ({@link ClusterMessages}); every member also receives its own and drops them. Delivery is best effort: a lost
 * message is filled from the shared event log by the consoles' catch-up.
 *
 * <p>An adapter is built by {@link ClusterRelay} at start with the receiver for incoming messages, and is called to
 * publish from one sender thread only.
 */
public interface ClusterBus extends AutoCloseable {

    /** Sends the message to every member; may block on the network (never called on a request thread). */
    void publish(String message);

    /** What carries the messages, for the start-up log line. */
    String describe();

    @Override
    void close();
}
