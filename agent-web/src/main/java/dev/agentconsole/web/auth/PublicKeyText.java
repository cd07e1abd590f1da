package dev.agentconsole.web.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RS256/ES256 verification keys from text: PEM {@code PUBLIC KEY} or {@code CERTIFICATE} blocks, a JWKS
 * ({@code {"keys":[...]}}) or a single JWK. Only public RSA (2048 bits or more) and EC keys are kept; symmetric keys in
 * a JWKS are ignored, because HS* tokens are verified with the shared secret only.
 */
public final class PublicKeyText {

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    private static final int MIN_RSA_BITS = 2048;

    private PublicKeyText() {
    }

    /**
     * @throws IllegalArgumentException if the text is neither a usable PEM public key (or certificate) nor a JWK/JWKS
     *                                  with RSA or EC keys
     */
    public static List<VerificationKey> parse(String text) {
        String trimmed = text.strip();
        List<JWK> jwks = trimmed.startsWith("{") ? parseJwkJson(trimmed) : parsePem(trimmed);
        List<VerificationKey> keys = new ArrayList<>();
        for (JWK jwk : jwks) {
            try {
                if (jwk instanceof RSAKey rsa) {
                    if (rsa.size() < MIN_RSA_BITS) {
                        throw new IllegalArgumentException("The configured RSA public key has " + rsa.size()
                                + " bits; at least " + MIN_RSA_BITS + " are required");
                    }
                    RSAKey pub = rsa.toPublicJWK();
                    keys.add(new VerificationKey(pub, new RSASSAVerifier(pub)));
                } else if (jwk instanceof ECKey ec) {
                    ECKey pub = ec.toPublicJWK();
                    keys.add(new VerificationKey(pub, new ECDSAVerifier(pub)));
                }
            } catch (JOSEException e) {
                throw new IllegalArgumentException("A configured public key cannot be used: " + e.getMessage(), e);
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("The configured public key text holds no RSA or EC public key");
        }
        return List.copyOf(keys);
    }

    /** A JWKS ({@code {"keys":[...]}}) or a single JWK. */
    private static List<JWK> parseJwkJson(String json) {
        try {
            Map<String, Object> object = JSONObjectUtils.parse(json);
            return object.containsKey("keys") ? JWKSet.parse(object).getKeys() : List.of(JWK.parse(object));
        } catch (ParseException e) {
            throw new IllegalArgumentException("The configured public key is not a valid JWK or JWKS: "
                    + e.getMessage(), e);
        }
    }

    /** PEM "PUBLIC KEY" (X.509 SubjectPublicKeyInfo, RSA or EC) or "CERTIFICATE" blocks, one or more. */
    private static List<JWK> parsePem(String pem) {
        List<JWK> keys = new ArrayList<>();
        Matcher m = PEM_BLOCK.matcher(pem);
        while (m.find()) {
            String label = m.group(1);
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(2));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The configured PEM block " + label + " is not valid Base64", e);
            }
            PublicKey key = switch (label) {
                case "PUBLIC KEY" -> decodePublicKey(der);
                case "CERTIFICATE" -> decodeCertificateKey(der);
                default -> throw new IllegalArgumentException("The configured PEM block " + label
                        + " is not supported; give -----BEGIN PUBLIC KEY----- or a JWKS");
            };
            keys.add(toJwk(key));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(
                    "The configured public key is neither PEM (-----BEGIN PUBLIC KEY-----) nor JWKS JSON");
        }
        return keys;
    }

    private static PublicKey decodePublicKey(byte[] der) {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        for (String type : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(type).generatePublic(spec);
            } catch (GeneralSecurityException e) {
                // not this key type; try the next
            }
        }
        throw new IllegalArgumentException("The configured PEM public key is neither an RSA nor an EC key");
    }

    private static PublicKey decodeCertificateKey(byte[] der) {
        try {
            return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der))
                    .getPublicKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The configured PEM certificate cannot be read", e);
        }
    }

    private static JWK toJwk(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).build();
        }
        if (key instanceof ECPublicKey ec) {
            Curve curve = Curve.forECParameterSpec(ec.getParams());
            if (curve == null) {
                throw new IllegalArgumentException("The configured EC public key uses an unsupported curve");
            }
            return new ECKey.Builder(curve, ec).build();
        }
        throw new IllegalArgumentException("The configured public key is neither RSA nor EC");
    }
}
