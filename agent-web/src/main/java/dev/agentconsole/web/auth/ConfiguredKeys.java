package dev.agentconsole.web.auth;

import java.util.List;

/** Keys given once in configuration (PEM or JWKS text, a file); they never change while the server runs. */
public final class ConfiguredKeys implements VerificationKeys {

    private final List<VerificationKey> keys;

    /** @throws IllegalArgumentException as {@link PublicKeyText#parse} */
    public ConfiguredKeys(String text) {
        this.keys = PublicKeyText.parse(text);
    }

    @Override
    public List<VerificationKey> current() {
        return keys;
    }
}
