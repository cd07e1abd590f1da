package dev.agentconsole.supervisor.boundary;

import dev.agentconsole.infrastructure.persistence.Records;
import dev.agentconsole.model.agent.Agent;
import dev.agentconsole.model.agent.AgentRole;
import dev.agentconsole.supervisor.control.BoardQueries;
import dev.agentconsole.supervisor.control.DayFigures;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;

/** Reads the supervisor board: for a supervisor's request, and for the coalesced live pushes to its consoles. */
@Stateless
public class SupervisorBoard {

    @Inject
    Records records;

    @Inject
    BoardQueries queries;

    /** The board of the supervisor's organisation; refused for an agent without the role. */
    public BoardView board(String supervisorUid) {
        return queries.read(supervisor(supervisorUid).getOrganisation(), Instant.now(), null);
    }

    /**
     * For the live pushes: the caller checked the watchers' role when they started watching, and hands back the
     * figures of its previous read ({@link BoardView#figures()}, or null) to be reused while recent.
     */
    public BoardView boardOf(String organisationUid, DayFigures previous) {
        return queries.read(records.organisation(organisationUid), Instant.now(), previous);
    }

    /** The organisation whose board this agent may watch; refused for an agent without the role. */
    public String organisationOfSupervisor(String agentUid) {
        return supervisor(agentUid).getOrganisation().getUid();
    }

    public boolean isSupervisor(String agentUid) {
        return records.agent(agentUid).hasRole(AgentRole.SUPERVISOR);
    }

    private Agent supervisor(String agentUid) {
        Agent agent = records.agent(agentUid);
        if (!agent.hasRole(AgentRole.SUPERVISOR)) {
            throw new NotSupervisorException(agentUid);
        }
        return agent;
    }
}
