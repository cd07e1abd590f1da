package dev.agentconsole.bench;

/** Where a socket reports the message_created frames it receives. */
interface FrameSink {

    FrameSink IGNORE = (clientMessageId, arrivedNanos) -> {
    };

    void messageCreated(String clientMessageId, long arrivedNanos);
}
