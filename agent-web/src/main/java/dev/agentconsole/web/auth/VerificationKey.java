package dev.agentconsole.web.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.JWSVerifier;

/**
 * A public key for RS256/ES256 tokens, with its verifier built once.
 *
 * @param jwk      the public key; its {@code kid}, {@code use} and {@code alg} decide which tokens it may verify
 * @param verifier the Nimbus verifier for that key
 */
public record VerificationKey(JWK jwk, JWSVerifier verifier) {
}
