package dev.agentconsole.event.boundary;

/**
 * Names of event streams. Each agent has its own stream (its threads, unread counts, status); each workgroup has one
 * that all its members' consoles follow (its queue). Keys are what the database stores; a console sees its own
 * agent's stream as {@code agent} and a workgroup's as {@code wg:<workgroup uid>}.
 */
public final class EventStreams {

    public static final String AGENT_WIRE_NAME = "agent";
    private static final String AGENT_PREFIX = "agent:";
    private static final String WORKGROUP_PREFIX = "wg:";

    private EventStreams() {
    }

    public static String ofAgent(String agentUid) {
        return AGENT_PREFIX + agentUid;
    }

    public static String ofWorkgroup(String workgroupUid) {
        return WORKGROUP_PREFIX + workgroupUid;
    }

    public static boolean isAgentStream(String key) {
        return key.startsWith(AGENT_PREFIX);
    }

    /** The stream's name in a console's frames and cursors. */
    public static String wireName(String key) {
        return isAgentStream(key) ? AGENT_WIRE_NAME : key;
    }

    /** The key of a stream a console of {@code agentUid} names by {@code wireName}. */
    public static String keyOf(String wireName, String agentUid) {
        return AGENT_WIRE_NAME.equals(wireName) ? ofAgent(agentUid) : wireName;
    }
}
