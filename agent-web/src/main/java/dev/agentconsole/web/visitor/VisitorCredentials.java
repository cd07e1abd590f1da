package dev.agentconsole.web.visitor;

import dev.agentconsole.infrastructure.json.Jsons;
import dev.agentconsole.web.auth.CredentialSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Proves to the visitor API that a caller is the visitor who started a chat (a visitor uid alone proves nothing). */
@ApplicationScoped
public class VisitorCredentials {

    static final String TYPE = "visitor";

    @Inject
    CredentialSigner signer;

    public String issue(String visitorUid) {
        return signer.sign(TYPE, Jsons.object().add("vid", visitorUid).build());
    }

    /** The visitor uid the token was issued to. */
    public Optional<String> visitorOf(String token) {
        return signer.verify(TYPE, token).map(claims -> claims.getString("vid", null))
                .filter(uid -> uid != null && !uid.isBlank());
    }
}
