package dev.agentconsole.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.boundary.AgentStatusService;
import dev.agentconsole.agent.boundary.AgentView;
import dev.agentconsole.event.boundary.EventReplay;
import dev.agentconsole.event.boundary.StreamEventRecorded;
import dev.agentconsole.model.DomainRuleException;
import dev.agentconsole.model.agent.AgentStatus;
import dev.agentconsole.model.agent.StatusCause;
import dev.agentconsole.organisation.boundary.OrganisationAdmin;
import dev.agentconsole.thread.boundary.ThreadLifecycle;
import dev.agentconsole.thread.boundary.ThreadQueries;
import dev.agentconsole.thread.boundary.ThreadView;
import dev.agentconsole.transfer.boundary.TransferOfferView;
import dev.agentconsole.transfer.boundary.TransferOffers;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Transfers to a colleague as offers, in the real container: each way an offer ends, and the races between them. */
@ExtendWith(ArquillianExtension.class)
class TransferOffersIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.microWar().addClasses(AdjustableOfferTimeout.class, Http.class, Tokens.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    OrganisationAdmin admin;

    @Inject
    AgentStatusService statuses;

    @Inject
    ThreadLifecycle threads;

    @Inject
    ThreadQueries queries;

    @Inject
    TransferOffers offers;

    @Inject
    EventReplay replay;

    @Inject
    AdjustableOfferTimeout timeout;

    @Resource
    ManagedThreadFactory threadFactory;

    TestOrganisation org;
    String sales;
    AgentView ann;
    AgentView ben;

    @BeforeEach
    void tenant() {
        org = new TestOrganisation(admin);
        sales = org.workgroup("sales");
        // Ann takes every new thread; Ben is signed in but busy, so threads reach him only as offers.
        ann = status(org.agent("ann", 50, sales), AgentStatus.AVAILABLE);
        ben = status(org.agent("ben", 50, sales), AgentStatus.BUSY);
    }

    @AfterEach
    void defaultTimeout() {
        timeout.set(null);
    }

    @Test
    void acceptedOfferMovesTheThreadAndBothAgentsHearEachStep() {
        ThreadView thread = heldByAnn();

        TransferOfferView offer = offers.offer(ann.uid(), thread.uid(), ben.uid());

        assertEquals("PENDING", offer.state());
        assertEquals(ann.uid(), offer.from().uid());
        assertEquals(ben.uid(), offer.to().uid());
        // Until accepted the thread stays with the sender.
        assertEquals(ann.uid(), queries.thread(ann.uid(), thread.uid()).agentUid());
        assertEquals(1, queries.agent(ann.uid()).activeThreads());
        assertEquals(0, queries.agent(ben.uid()).activeThreads());
        assertEquals(List.of("PENDING"), offerStates(ann, offer));
        assertEquals(List.of("PENDING"), offerStates(ben, offer));
        assertEquals(List.of(offer.uid()), offers.pending(ben.uid()).stream().map(TransferOfferView::uid).toList());

        TransferOfferView accepted = offers.accept(ben.uid(), offer.uid());

        assertEquals("ACCEPTED", accepted.state());
        ThreadView moved = queries.thread(ben.uid(), thread.uid());
        assertEquals(ben.uid(), moved.agentUid());
        assertEquals("ASSIGNED", moved.status());
        assertEquals(0, queries.agent(ann.uid()).activeThreads());
        assertEquals(1, queries.agent(ben.uid()).activeThreads());
        assertEquals(List.of("PENDING", "ACCEPTED"), offerStates(ann, offer));
        assertEquals(List.of("PENDING", "ACCEPTED"), offerStates(ben, offer));
        // What the bridge forwards to each host page: the thread was transferred.
        assertTrue(data(ann, "thread_status_changed").stream().anyMatch(d -> d.contains("\"action\":\"transferred\"")));
        assertTrue(data(ben, "thread_status_changed").stream().anyMatch(d -> d.contains("\"action\":\"transferred\"")));
        assertTrue(data(ben, "new_visitor_message").stream().anyMatch(d -> d.contains(thread.uid())));
        assertTrue(offers.pending(ben.uid()).isEmpty());

        assertEquals("transfer_offer_accepted", refusal(() -> offers.accept(ben.uid(), offer.uid())));
        assertEquals("transfer_offer_accepted", refusal(() -> offers.cancel(ann.uid(), offer.uid())));
    }

    @Test
    void declinedOfferLeavesTheThreadWithTheSenderWhoMayOfferItAgain() {
        ThreadView thread = heldByAnn();
        TransferOfferView offer = offers.offer(ann.uid(), thread.uid(), ben.uid());
        assertEquals("transfer_offer_pending", refusal(() -> offers.offer(ann.uid(), thread.uid(), ben.uid())));

        assertEquals("DECLINED", offers.decline(ben.uid(), offer.uid()).state());

        assertEquals(ann.uid(), queries.thread(ann.uid(), thread.uid()).agentUid());
        assertEquals(List.of("PENDING", "DECLINED"), offerStates(ann, offer));
        assertEquals(List.of("PENDING", "DECLINED"), offerStates(ben, offer));
        assertEquals("transfer_offer_declined", refusal(() -> offers.accept(ben.uid(), offer.uid())));
        assertEquals("PENDING", offers.offer(ann.uid(), thread.uid(), ben.uid()).state());
    }

    @Test
    void cancelledOfferCannotBeAcceptedAndOnlyTheRightAgentMayAnswer() {
        ThreadView thread = heldByAnn();
        TransferOfferView offer = offers.offer(ann.uid(), thread.uid(), ben.uid());
        AgentView cleo = status(org.agent("cleo", 5, sales), AgentStatus.BUSY);

        assertEquals("not_offered_to_you", refusal(() -> offers.accept(ann.uid(), offer.uid())));
        assertEquals("not_your_offer", refusal(() -> offers.cancel(ben.uid(), offer.uid())));
        assertThrows(RuntimeException.class, () -> offers.accept(cleo.uid(), offer.uid()));
        assertEquals("transfer_to_self", refusal(() -> offers.offer(ann.uid(), heldByAnn().uid(), ann.uid())));

        assertEquals("CANCELLED", offers.cancel(ann.uid(), offer.uid()).state());

        assertEquals("transfer_offer_cancelled", refusal(() -> offers.accept(ben.uid(), offer.uid())));
        assertEquals(ann.uid(), queries.thread(ann.uid(), thread.uid()).agentUid());
        assertEquals(List.of("PENDING", "CANCELLED"), offerStates(ben, offer));
    }

    @Test
    void anUnansweredOfferExpiresOnceAndCannotBeAcceptedAfterwards() throws Exception {
        timeout.set(Duration.ofSeconds(1));
        ThreadView thread = heldByAnn();
        TransferOfferView offer = offers.offer(ann.uid(), thread.uid(), ben.uid());
        assertEquals(offer.createdAt().plusSeconds(1), offer.expiresAt());

        String state = awaitSettled(ben, offer);

        assertEquals("EXPIRED", state);
        assertEquals(List.of("PENDING", "EXPIRED"), offerStates(ann, offer));
        assertEquals(List.of("PENDING", "EXPIRED"), offerStates(ben, offer));
        assertEquals("transfer_offer_expired", refusal(() -> offers.accept(ben.uid(), offer.uid())));
        assertEquals(ann.uid(), queries.thread(ann.uid(), thread.uid()).agentUid());
    }

    @Test
    void anOfferWhoseThreadLeftTheSenderIsWithdrawn() throws Exception {
        ThreadView thread = heldByAnn();
        TransferOfferView offer = offers.offer(ann.uid(), thread.uid(), ben.uid());

        threads.close(ann.uid(), thread.uid());

        assertEquals("WITHDRAWN", awaitSettled(ben, offer));
        assertEquals("transfer_offer_withdrawn", refusal(() -> offers.accept(ben.uid(), offer.uid())));
        assertEquals("CLOSED", queries.thread(ann.uid(), thread.uid()).status());
    }

    @Test
    void sweepsOnSeveralMembersAtOnceExpireAnOfferExactlyOnce() throws Exception {
        ThreadView thread = heldByAnn();
        TransferOfferView offer = offers.offer(ann.uid(), thread.uid(), ben.uid());
        // Sweeps that look two minutes ahead find it due; the real clock's sweep does not touch it meanwhile.
        Instant later = Instant.now().plusSeconds(120);
        List<Callable<Object>> sweeps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sweeps.add(() -> offers.expireDue(later));
        }

        List<Object> outcomes = Racers.race(threadFactory, sweeps);

        assertTrue(outcomes.stream().allMatch(Integer.class::isInstance), outcomes.toString());
        assertEquals("EXPIRED", offers.read(ben.uid(), offer.uid()).state());
        assertEquals(List.of("PENDING", "EXPIRED"), offerStates(ann, offer));
        assertEquals(List.of("PENDING", "EXPIRED"), offerStates(ben, offer));
    }

    @Test
    void acceptRacingCancelHasExactlyOneWinner() throws Exception {
        for (int round = 0; round < 8; round++) {
            ThreadView thread = heldByAnn();
            TransferOfferView offer = offers.offer(ann.uid(), thread.uid(), ben.uid());

            List<Object> outcomes = Racers.race(threadFactory, List.of(
                    () -> offers.accept(ben.uid(), offer.uid()),
                    () -> offers.cancel(ann.uid(), offer.uid())));

            List<TransferOfferView> won = outcomes.stream().filter(TransferOfferView.class::isInstance)
                    .map(TransferOfferView.class::cast).toList();
            List<DomainRuleException> lost = outcomes.stream().filter(DomainRuleException.class::isInstance)
                    .map(DomainRuleException.class::cast).toList();
            assertEquals(1, won.size(), "round " + round + ": " + outcomes);
            assertEquals(1, lost.size(), "round " + round + ": " + outcomes);
            String winner = won.get(0).state();
            assertEquals("transfer_offer_" + winner.toLowerCase(), lost.get(0).getCode());
            String holder = "ACCEPTED".equals(winner) ? ben.uid() : ann.uid();
            assertEquals(holder, queries.thread(ann.uid(), thread.uid()).agentUid(), "round " + round);
            assertEquals(List.of("PENDING", winner), offerStates(ben, offer));
        }
        // Every thread is counted once, with whoever holds it.
        int held = queries.agent(ann.uid()).activeThreads() + queries.agent(ben.uid()).activeThreads();
        assertEquals(8, held);
    }

    @Test
    void theRestApiOffersAnswersAndRefuses() throws Exception {
        Http http = new Http(base);
        String anns = login(http, ann);
        String bens = login(http, ben);
        AgentView cleo = status(org.agent("cleo", 5, sales), AgentStatus.BUSY);
        String cleos = login(http, cleo);
        ThreadView thread = heldByAnn();
        String transfer = "api/v1/threads/" + thread.uid() + "/transfer";

        HttpResponse<String> made = http.send("POST", transfer, anns, "{\"agentUid\":\"" + ben.uid() + "\"}");

        assertEquals(202, made.statusCode(), made.body());
        JsonObject offer = json(made).asJsonObject();
        assertEquals("PENDING", offer.getString("state"));
        assertEquals(thread.uid(), offer.getString("threadUid"));
        assertEquals(ben.uid(), offer.getJsonObject("to").getString("uid"));
        assertEquals(ann.uid(), offer.getJsonObject("thread").getString("agentUid"));
        String path = "api/v1/transfer-offers/" + offer.getString("uid");
        JsonArray bensPending = json(http.get("api/v1/transfer-offers", bens)).asJsonArray();
        assertEquals(offer.getString("uid"), bensPending.getJsonObject(0).getString("uid"));
        assertEquals(1, json(http.get("api/v1/transfer-offers", anns)).asJsonArray().size());
        assertEquals(0, json(http.get("api/v1/transfer-offers", cleos)).asJsonArray().size());

        assertError(http.get(path, cleos), 404, "transfer_offer_not_found");
        assertError(http.send("POST", path + "/accept", cleos, null), 404, "transfer_offer_not_found");
        assertError(http.send("POST", path + "/cancel", cleos, null), 404, "transfer_offer_not_found");
        assertError(http.send("POST", "api/v1/transfer-offers/no-such-offer/accept", bens, null), 404,
                "transfer_offer_not_found");
        assertError(http.send("POST", path + "/accept", anns, null), 409, "not_offered_to_you");
        assertError(http.send("POST", transfer, anns, "{\"agentUid\":\"" + cleo.uid() + "\"}"), 409,
                "transfer_offer_pending");
        assertEquals("PENDING", json(http.get(path, bens)).asJsonObject().getString("state"));

        HttpResponse<String> declined = http.send("POST", path + "/decline", bens, null);
        assertEquals(200, declined.statusCode(), declined.body());
        assertEquals("DECLINED", json(declined).asJsonObject().getString("state"));
        assertError(http.send("POST", path + "/decline", bens, null), 409, "transfer_offer_declined");
        assertError(http.send("POST", path + "/cancel", anns, null), 409, "transfer_offer_declined");

        // A transfer to a workgroup stays immediate.
        HttpResponse<String> queued = http.send("POST", transfer, anns, "{\"workgroupUid\":\"" + sales + "\"}");
        assertEquals(200, queued.statusCode(), queued.body());
        assertEquals(thread.uid(), json(queued).asJsonObject().getString("uid"));
    }

    /** A new visitor thread, routed to Ann (the only available member). */
    private ThreadView heldByAnn() {
        ThreadView thread = threads.open(sales, null, "Vera", "offer me");
        assertEquals(ann.uid(), thread.agentUid());
        return thread;
    }

    private AgentView status(AgentView agent, AgentStatus status) {
        return statuses.change(agent.uid(), status, StatusCause.CONSOLE);
    }

    /** Polls the offer as its target sees it until the expiry sweep (once a second) settled it. */
    private String awaitSettled(AgentView target, TransferOfferView offer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String state = offers.read(target.uid(), offer.uid()).state();
            if (!"PENDING".equals(state)) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("offer still pending after 20 s");
    }

    /** The states of this offer in the transfer_offer events on the agent's stream, in order. */
    private List<String> offerStates(AgentView agent, TransferOfferView offer) {
        return data(agent, "transfer_offer").stream()
                .map(d -> Json.createReader(new StringReader(d)).readObject().getJsonObject("offer"))
                .filter(o -> o.getString("uid").equals(offer.uid()))
                .map(o -> o.getString("state"))
                .toList();
    }

    private List<String> data(AgentView agent, String type) {
        return replay.since(agent.uid(), 0).events().stream().filter(e -> e.type().equals(type))
                .map(StreamEventRecorded::data).toList();
    }

    private static String refusal(Supplier<Object> move) {
        return assertThrows(DomainRuleException.class, move::get).getCode();
    }

    private String login(Http http, AgentView agent) throws Exception {
        HttpResponse<String> login = http.get("auth/login?accessToken=" + Tokens.valid(agent.username(), org.uid),
                null);
        assertEquals(303, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElseThrow();
        return URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8);
    }

    private static jakarta.json.JsonValue json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readValue();
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject body = json(response).asJsonObject();
        assertEquals(code, body.getString("error"), response.body());
        assertTrue(body.containsKey("message"));
    }
}
