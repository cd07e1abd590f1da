package dev.agentconsole.web.auth;

/** Reads the token out of an {@code Authorization: Bearer <token>} header (console and visitor APIs alike). */
public final class BearerToken {

    private static final String PREFIX = "Bearer ";

    private BearerToken() {
    }

    /** The token, or null when the header is missing or is not a bearer header. */
    public static String from(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? authorization.substring(PREFIX.length()).strip() : null;
    }
}
