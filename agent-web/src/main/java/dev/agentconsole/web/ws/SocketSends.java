package dev.agentconsole.web.ws;

import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

/**
 * Sends a text frame without making the server scan the application's jars. Payara's WebSocket runtime (Tyrus)
 * re-arms the session's idle timer through a managed scheduled executor on every send, and capturing the caller's
 * context for that task looks up context providers with {@code ServiceLoader} on the thread's context class loader:
 * with the web application's loader that scan was the largest single cost of a push (profiled with JFR). The platform
 * class loader holds no application providers, so the lookup is cheap, and nothing in the timer task needs the
 * application's classes.
 */
public final class SocketSends {

    private static final ClassLoader LEAN_LOADER = ClassLoader.getPlatformClassLoader();

    private SocketSends() {
    }

    /** Fire and forget: a visitor page that misses a frame reloads what it missed. */
    public static void sendText(Session session, String text) {
        sendText(session, text, result -> { });
    }

    /** {@code done} runs once the frame is written or has failed. */
    public static void sendText(Session session, String text, SendHandler done) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(LEAN_LOADER);
        try {
            session.getAsyncRemote().sendText(text, done);
        } finally {
            current.setContextClassLoader(previous);
        }
    }
}
