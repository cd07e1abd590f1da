package dev.agentconsole.web.auth;

import java.util.List;

/** Where the RS256/ES256 verification keys come from: fixed configuration, or a JWKS fetched from its URL. */
public interface VerificationKeys {

    /** The keys known now; may be empty when a remote key set could not be fetched yet. */
    List<VerificationKey> current();

    /**
     * A token named a {@code kid} none of the current keys carries: the issuer may have rotated its keys. A remote set
     * may fetch again (rate-limited); the keys to try are returned.
     */
    default List<VerificationKey> afterUnknownKeyId(String kid) {
        return current();
    }
}
