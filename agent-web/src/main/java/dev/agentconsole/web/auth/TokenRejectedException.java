package dev.agentconsole.web.auth;

import java.util.Objects;

/**
 * A login access token was refused. {@link #reason()} is for code and logs; {@link #getMessage()} is written for the
 * login error page and never contains the token, a claim value or key material.
 */
public class TokenRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the token was refused. */
    public enum Reason {
        MALFORMED,
        UNSUPPORTED_ALGORITHM,
        BAD_SIGNATURE,
        EXPIRED,
        /** No {@code exp}, while {@code agent.auth.require-exp} is on. */
        NO_EXPIRY,
        NOT_YET_VALID,
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        NO_SUBJECT,
        /**
         * A claim the console uses (user name, organisation, {@code exp}/{@code nbf}/{@code iat}) has a value it
         * cannot take: wrong type or JSON null, too long, control characters, a time outside 1970..9999.
         */
        INVALID_CLAIM,
        NOT_CONFIGURED
    }

    private final Reason reason;

    public TokenRejectedException(Reason reason, String message) {
        this(reason, message, null);
    }

    public TokenRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
