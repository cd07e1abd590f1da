package dev.agentconsole.web.cluster;

import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Gives the cluster bus's threads that the server refused while the application deployed (GlassFish 6, see
 * {@link BusThreads}) their second chance at the first requests. A servlet listener rather than a CDI observer of
 * the request context: Weld starts that context for EJB calls too, also during deployment, in the EJB module.
 */
@WebListener
public class BusThreadsRestart implements ServletRequestListener {

    @Inject
    ClusterRelay relay;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        relay.restartRefusedThreads();
    }
}
