package dev.agentconsole.web.it;

import dev.agentconsole.agent.boundary.AgentView;
import dev.agentconsole.organisation.boundary.OrganisationAdmin;
import java.util.List;
import java.util.UUID;

/** A fresh tenant per test, so tests never see each other's data, on H2 or on a shared PostgreSQL. */
final class TestOrganisation {

    final String uid = "org-" + UUID.randomUUID();
    private final OrganisationAdmin admin;

    TestOrganisation(OrganisationAdmin admin) {
        this.admin = admin;
        admin.createOrganisation(uid, "Test " + uid);
    }

    String workgroup(String name) {
        return admin.createWorkgroup(uid, uid + "-" + name, name);
    }

    AgentView agent(String name, int maxThreads, String... workgroupUids) {
        return admin.createAgent(uid, name + "@" + uid, name, maxThreads, List.of(workgroupUids));
    }
}
