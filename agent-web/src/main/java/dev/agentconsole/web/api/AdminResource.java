package dev.agentconsole.web.api;

import dev.agentconsole.infrastructure.json.Jsons;
import dev.agentconsole.model.agent.AgentRole;
import dev.agentconsole.organisation.boundary.AdminViews.AgentChange;
import dev.agentconsole.organisation.boundary.AdminViews.AgentInfo;
import dev.agentconsole.organisation.boundary.AdminViews.AuditEntry;
import dev.agentconsole.organisation.boundary.AdminViews.NewAgent;
import dev.agentconsole.organisation.boundary.AdminViews.WorkgroupChange;
import dev.agentconsole.organisation.boundary.AdminViews.WorkgroupInfo;
import dev.agentconsole.organisation.boundary.Administration;
import dev.agentconsole.organisation.boundary.OrganisationAdmin;
import dev.agentconsole.web.auth.AgentOnly;
import dev.agentconsole.web.auth.CurrentConsole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/v1/admin/...}: an administrator's view of its own organisation's workgroups and agents. The caller is
 * the signed-in agent; the EJB checks its admin role (403 otherwise) and keeps every lookup inside its organisation
 * (another organisation's uid is 404). Input is checked here (400), state rules there (409).
 */
@ApplicationScoped
@Path("v1/admin")
@AgentOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    static final int DEFAULT_AUDIT_LIMIT = 50;
    static final int MAX_AUDIT_LIMIT = 200;

    @Inject
    CurrentConsole console;

    @Inject
    Administration administration;

    @GET
    @Path("workgroups")
    public JsonArray workgroups() {
        return JsonShapes.array(administration.workgroups(console.agentUid()), AdminResource::workgroup);
    }

    @POST
    @Path("workgroups")
    public Response createWorkgroup(@NotNull @Valid AdminRequests.NewWorkgroup request) {
        WorkgroupInfo created = administration.createWorkgroup(console.agentUid(), request.name.strip(),
                request.queueCap, request.routingMode, request.idleCloseMinutes);
        return Response.status(Response.Status.CREATED).entity(workgroup(created)).build();
    }

    @PATCH
    @Path("workgroups/{uid}")
    public JsonObject changeWorkgroup(@PathParam("uid") String uid, @NotNull @Valid AdminRequests.WorkgroupEdit edit) {
        WorkgroupChange change = new WorkgroupChange(edit.name == null ? null : edit.name.strip(), edit.queueCap,
                edit.gave("queueCap"), edit.routingMode, edit.idleCloseMinutes, edit.gave("idleCloseMinutes"));
        return workgroup(administration.changeWorkgroup(console.agentUid(), uid, change));
    }

    @GET
    @Path("agents")
    public JsonArray agents() {
        return JsonShapes.array(administration.agents(console.agentUid()), AdminResource::agent);
    }

    @GET
    @Path("agents/{uid}")
    public JsonObject agent(@PathParam("uid") String uid) {
        return agent(administration.agent(console.agentUid(), uid));
    }

    @POST
    @Path("agents")
    public Response createAgent(@NotNull @Valid AdminRequests.NewAgent request) {
        String nickname = request.nickname != null ? request.nickname.strip() : defaultNickname(request.username);
        NewAgent agent = new NewAgent(request.username, nickname,
                request.maxThreads == null ? OrganisationAdmin.DEFAULT_MAX_THREADS : request.maxThreads,
                roles(request.roles == null ? List.of() : request.roles),
                request.workgroups == null ? List.of() : request.workgroups);
        AgentInfo created = administration.createAgent(console.agentUid(), agent);
        return Response.status(Response.Status.CREATED).entity(agent(created)).build();
    }

    @PATCH
    @Path("agents/{uid}")
    public JsonObject changeAgent(@PathParam("uid") String uid, @NotNull @Valid AdminRequests.AgentEdit edit) {
        AgentChange change = new AgentChange(edit.nickname == null ? null : edit.nickname.strip(), edit.maxThreads,
                edit.roles == null ? null : roles(edit.roles), edit.workgroups);
        return agent(administration.changeAgent(console.agentUid(), uid, change));
    }

    @POST
    @Path("agents/{uid}/disable")
    public JsonObject disable(@PathParam("uid") String uid) {
        return agent(administration.disable(console.agentUid(), uid));
    }

    @POST
    @Path("agents/{uid}/enable")
    public JsonObject enable(@PathParam("uid") String uid) {
        return agent(administration.enable(console.agentUid(), uid));
    }

    @GET
    @Path("audit")
    public JsonArray audit(@QueryParam("limit") String limit) {
        return JsonShapes.array(administration.auditTrail(console.agentUid(), auditLimit(limit)),
                AdminResource::auditEntry);
    }

    private static Set<AgentRole> roles(List<String> names) {
        Set<AgentRole> roles = EnumSet.noneOf(AgentRole.class);
        names.forEach(name -> roles.add(AgentRole.valueOf(name)));
        return roles;
    }

    private static String defaultNickname(String username) {
        int at = username.indexOf('@');
        return at > 0 ? username.substring(0, at) : username;
    }

    private static int auditLimit(String limit) {
        if (limit == null) {
            return DEFAULT_AUDIT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_AUDIT_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidRequest.because("limit must be a whole number from 1 to " + MAX_AUDIT_LIMIT);
    }

    static JsonObject workgroup(WorkgroupInfo workgroup) {
        JsonObjectBuilder json = Jsons.object().add("uid", workgroup.uid()).add("name", workgroup.name());
        if (workgroup.queueCap() == null) {
            json.addNull("queueCap");
        } else {
            json.add("queueCap", workgroup.queueCap());
        }
        json.add("routingMode", workgroup.routingMode());
        if (workgroup.idleClose() == null) {
            json.addNull("idleCloseMinutes");
        } else {
            // Whole minutes through this API; a finer time set another way shows rounded up.
            json.add("idleCloseMinutes", (workgroup.idleClose().getSeconds() + 59) / 60);
        }
        return json.build();
    }

    static JsonObject agent(AgentInfo agent) {
        JsonArrayBuilder roles = Jsons.array();
        agent.roles().stream().sorted().forEach(role -> roles.add(role.name()));
        return Jsons.object()
                .add("uid", agent.uid())
                .add("username", agent.username())
                .add("nickname", agent.nickname())
                .add("status", agent.status())
                .add("maxThreads", agent.maxThreads())
                .add("activeThreads", agent.activeThreads())
                .add("roles", roles)
                .add("workgroups", JsonShapes.array(agent.workgroups(), JsonShapes::workgroup))
                .add("disabled", agent.disabled())
                .build();
    }

    static JsonObject auditEntry(AuditEntry entry) {
        return Jsons.object()
                .add("actorUid", entry.actorUid())
                .add("action", entry.action())
                .add("targetUid", entry.targetUid())
                .add("detail", Jsons.parseObject(entry.detail()))
                .add("at", entry.at().toEpochMilli())
                .build();
    }}
