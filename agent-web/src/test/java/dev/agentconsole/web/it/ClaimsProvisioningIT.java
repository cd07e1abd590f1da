package dev.agentconsole.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.organisation.boundary.OrganisationAdmin;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Provisioning from the login token's claims (auto-provision and the workgroups claim on, see
 * {@link ClaimsProvisioningSettings}): the identity provider decides who is an agent, in which workgroups, with which
 * roles, at every login.
 */
@ExtendWith(ArquillianExtension.class)
class ClaimsProvisioningIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.microWar().addClasses(Http.class, Tokens.class, ClaimsProvisioningSettings.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    OrganisationAdmin organisations;

    Http http;
    TestOrganisation org;
    String sales;
    String support;

    @BeforeEach
    void setUp() {
        http = new Http(base);
        org = new TestOrganisation(organisations);
        sales = org.workgroup("sales");
        support = org.workgroup("support");
    }

    @Test
    void aNewAgentFromATokenWithTheWorkgroupsClaimIsRoutedAThread() throws Exception {
        String credential = login("newbie@example.com", Map.of("workgroups", List.of("sales", "no-such-team")));

        JsonObject me = object(http.get("api/v1/me", credential)).getJsonObject("agent");
        assertEquals(List.of(sales), uids(me.getJsonArray("workgroups")), "by name; the unknown name is skipped");
        assertEquals(200, http.send("PUT", "api/v1/me/status", credential, "{\"status\":\"AVAILABLE\"}")
                .statusCode());

        HttpResponse<String> started = http.send("POST", "api/v1/visitor/threads", null,
                "{\"workgroupUid\":\"" + sales + "\",\"nickname\":\"Vera\"}");
        assertEquals(201, started.statusCode(), started.body());
        JsonObject thread = object(started).getJsonObject("thread");
        assertEquals(me.getString("uid"), thread.getString("agentUid"));
        assertEquals(List.of(thread.getString("uid")), array(http.get("api/v1/threads?view=mine", credential))
                .stream().map(t -> t.asJsonObject().getString("uid")).toList());
    }

    @Test
    void eachLoginReplacesMembershipAndRolesWithWhatTheTokenSays() throws Exception {
        String first = login("mover@example.com", Map.of("workgroups", List.of(sales), "roles", List.of("admin")));
        assertEquals(200, http.get("api/v1/admin/workgroups", first).statusCode(), "admin role from the token");

        // By uid too; a uid of another organisation's workgroup names nothing here.
        String elsewhere = new TestOrganisation(organisations).workgroup("sales");
        String second = login("mover@example.com", Map.of("workgroups", support + "," + elsewhere));
        JsonObject me = object(http.get("api/v1/me", second)).getJsonObject("agent");
        assertEquals(List.of(support), uids(me.getJsonArray("workgroups")));
        assertEquals(403, http.get("api/v1/admin/workgroups", second).statusCode(), "the role is gone");

        String third = login("mover@example.com", Map.of());
        assertEquals(List.of(), uids(object(http.get("api/v1/me", third)).getJsonObject("agent")
                .getJsonArray("workgroups")), "no claim: no workgroup");
    }

    @Test
    void unknownWorkgroupsAreSkippedInOneLogLinePerLogin() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage() != null && record.getMessage().contains("workgroups claim")) {
                    lines.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(OrganisationAdmin.class.getName());
        logger.addHandler(capture);
        try {
            login("lost@example.com", Map.of("workgroups", List.of("ghosts", "phantoms", "sales")));
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("ghosts, phantoms"), lines.get(0));
    }

    private String login(String username, Map<String, Object> claims) throws Exception {
        var builder = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .subject("{\"platform\":\"bytedesk\",\"username\":\"" + username + "\"}")
                .claim("org", org.uid)
                .issueTime(java.util.Date.from(java.time.Instant.now().minusSeconds(5)))
                .expirationTime(java.util.Date.from(java.time.Instant.now().plusSeconds(600)));
        claims.forEach(builder::claim);
        HttpResponse<String> login = http.get("auth/login?accessToken=" + Tokens.signed(builder.build()), null);
        assertEquals(303, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        return URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);
    }

    private static List<String> uids(JsonArray workgroups) {
        return workgroups.stream().map(w -> w.asJsonObject().getString("uid")).toList();
    }

    private static JsonObject object(HttpResponse<String> response) {
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static JsonArray array(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readArray();
    }
}
