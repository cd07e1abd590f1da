package dev.agentconsole.web.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** Login tokens shaped like the original product's: HS384, sub a JSON string naming the user. */
final class Tokens {

    private Tokens() {
    }

    static byte[] deploymentKey() {
        return Base64.getDecoder().decode(System.getProperty("agent.auth.hmac-secret"));
    }

    static String forAgent(String username, String organisation, Instant expires, byte[] key) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("{\"platform\":\"bytedesk\",\"username\":\"" + username + "\"}")
                .claim("org", organisation)
                .issueTime(Date.from(Instant.now().minusSeconds(5)))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS384), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    /** Any claims, signed with the deployment's key: for tokens the issuer got wrong but signed all the same. */
    static String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS384), claims);
        jwt.sign(new MACSigner(deploymentKey()));
        return jwt.serialize();
    }

    /** Claims exactly as written (JSON nulls, numbers no builder writes), signed with the deployment's key. */
    static String signedJson(String claims) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS384), new Payload(claims));
        jws.sign(new MACSigner(deploymentKey()));
        return jws.serialize();
    }

    static String valid(String username, String organisation) throws Exception {
        return forAgent(username, organisation, Instant.now().plusSeconds(3600), deploymentKey());
    }

    /** A valid token that also carries {@code name} (e.g. the roles claim). */
    static String withClaim(String username, String organisation, String name, Object value) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("{\"platform\":\"bytedesk\",\"username\":\"" + username + "\"}")
                .claim("org", organisation)
                .claim(name, value)
                .issueTime(Date.from(Instant.now().minusSeconds(5)))
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS384), claims);
        jwt.sign(new MACSigner(deploymentKey()));
        return jwt.serialize();
    }
}
