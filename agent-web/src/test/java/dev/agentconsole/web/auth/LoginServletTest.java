package dev.agentconsole.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agentconsole.agent.boundary.AgentSignIn;
import dev.agentconsole.agent.boundary.AgentView;
import dev.agentconsole.infrastructure.persistence.ConcurrentChangeException;
import dev.agentconsole.organisation.boundary.AgentDisabledException;
import jakarta.ejb.EJBException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the login answers when something unforeseen fails behind a valid token (no container needed). */
class LoginServletTest {

    /** Held strongly: JUL keeps loggers weakly, and a collected one would come back without the test's handler. */
    private static final Logger SERVLET_LOG = Logger.getLogger(LoginServlet.class.getName());

    private static final byte[] KEY = new byte[48];
    private static final String DATABASE_ERROR = "Exception [EclipseLink-4002] (Eclipse Persistence Services - 4.0.4)"
            + "\nInternal Exception: org.h2.jdbc.JdbcSQLDataException: Value too long for column \"USERNAME\""
            + "\nCall: SELECT ID, USERNAME FROM AGENT WHERE (USERNAME = ?)";

    private final List<LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        SERVLET_LOG.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        SERVLET_LOG.removeHandler(capture);
    }

    @Test
    void anUnexpectedFailureIsAPlain500PageWithNothingInternalAndOneLogLine() throws Exception {
        FakeResponse response = login(() -> new EJBException(new IllegalStateException(DATABASE_ERROR)));

        assertEquals(500, response.status);
        assertTrue(response.contentType.startsWith("text/html"), response.contentType);
        assertTrue(response.body.toString().contains("could not complete the login"), response.body.toString());
        for (String internal : List.of("EclipseLink", "SELECT", "USERNAME", "Exception", "h2", "<script")) {
            assertFalse(response.body.toString().contains(internal), internal + " in " + response.body);
        }
        assertEquals("no-store", response.headers.get("Cache-Control"));
        assertFalse(response.headers.containsKey("Location"));
        assertEquals(1, logged.size());
        assertEquals(null, logged.get(0).getThrown(), "no stack trace in the log");
        assertFalse(logged.get(0).getMessage().contains("\n"), logged.get(0).getMessage());
    }

    @Test
    void aLostRaceIs503WithRetryAfter() throws Exception {
        FakeResponse response = login(() -> new EJBException(new ConcurrentChangeException("gave up", null)));

        assertEquals(503, response.status);
        assertEquals("1", response.headers.get("Retry-After"));
        assertTrue(response.body.toString().contains("busy"), response.body.toString());
        assertEquals(1, logged.size());
    }

    @Test
    void aDisabledAgentIs401WithAPageSayingSo() throws Exception {
        FakeResponse response = login(AgentDisabledException::new);

        assertEquals(401, response.status);
        assertTrue(response.body.toString().contains("Agent disabled"), response.body.toString());
        assertFalse(response.headers.containsKey("Location"));
        assertEquals(0, logged.size(), "an expected refusal is not a failure");
    }

    @Test
    void aUserNameWithControlCharactersIs401UnusableClaimAndProvisionsNothing() throws Exception {
        for (String name : List.of("z\u0000@x", "z\u0007", "z\u0085", "z\u2028@x")) {
            FakeResponse response = login(token(name), () -> new AssertionError("no agent is looked up or created"));

            assertEquals(401, response.status);
            String page = response.body.toString();
            assertTrue(page.contains("<h1>Access token has an unusable claim</h1>"), page);
            assertTrue(page.contains("user name contains control characters"), page);
            assertFalse(page.contains(name), "the claim is not echoed");
            assertFalse(response.headers.containsKey("Location"));
        }
        assertEquals(0, logged.stream().filter(r -> r.getLevel().intValue() > java.util.logging.Level.FINE.intValue())
                .count(), "an expected refusal is not a failure");
    }

    private FakeResponse login(Supplier<RuntimeException> failure) throws Exception {
        return login(token("agent-1"), failure);
    }

    private FakeResponse login(String token, Supplier<? extends Throwable> failure) throws Exception {
        LoginServlet servlet = new LoginServlet();
        servlet.settings = settings();
        servlet.signIn = new AgentSignIn() {
            @Override
            public Optional<AgentView> resolve(String organisationUid, String username, boolean provision,
                    java.util.Set<dev.agentconsole.model.agent.AgentRole> roles,
                    java.util.Collection<String> workgroups) {
                Throwable thrown = failure.get();
                if (thrown instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) thrown;
            }
        };
        FakeResponse response = new FakeResponse();
        servlet.doGet(request(Map.of("accessToken", token)), response.proxy());
        return response;
    }

    private static LoginSettings settings() {
        LoginSettings settings = new LoginSettings();
        settings.hmacSecret = Optional.of(Base64.getEncoder().encodeToString(KEY));
        settings.publicKeyLocation = Optional.empty();
        settings.issuer = Optional.empty();
        settings.audience = Optional.empty();
        settings.organisationClaim = Optional.empty();
        settings.requireExpiry = true;
        settings.jwksTimeout = Duration.ofSeconds(1);
        settings.jwksMinRefreshInterval = Duration.ofMinutes(1);
        settings.defaultOrganisation = "default";
        settings.init();
        return settings;
    }

    private static String token(String username) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(username)
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS384), claims);
        jwt.sign(new MACSigner(KEY));
        return jwt.serialize();
    }

    private static HttpServletRequest request(Map<String, String> parameters) {
        return (HttpServletRequest) Proxy.newProxyInstance(LoginServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getContextPath" -> "/agent";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Records what the servlet answers. */
    private static final class FakeResponse {

        int status = 200;
        String contentType = "";
        final Map<String, String> headers = new HashMap<>();
        StringWriter body = new StringWriter();

        HttpServletResponse proxy() {
            return (HttpServletResponse) Proxy.newProxyInstance(LoginServletTest.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "setContentType" -> contentType = (String) args[0];
                            case "getWriter" -> {
                                return new PrintWriter(body, true);
                            }
                            case "isCommitted" -> {
                                return false;
                            }
                            case "reset" -> {
                                status = 200;
                                headers.clear();
                                body = new StringWriter();
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                        return null;
                    });
        }
    }
}
