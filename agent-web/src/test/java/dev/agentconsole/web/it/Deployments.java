package dev.agentconsole.web.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The container tests deploy the real Payara Micro WAR built by this module, plus the test classes. */
final class Deployments {

    private Deployments() {
    }

    static WebArchive microWar() {
        File built = new File(System.getProperty("agent.it.microWar", "target/agent-micro.war"));
        WebArchive war = ShrinkWrap.create(WebArchive.class, "agent.war");
        war.merge(ShrinkWrap.createFromZipFile(WebArchive.class, built));
        return war.addClasses(Deployments.class, TestOrganisation.class, Racers.class);
    }
}
