package dev.agentconsole.web.it;

import dev.agentconsole.web.auth.LoginSettings;
import dev.agentconsole.web.auth.WorkgroupClaims;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * Test-only: deployed by {@link ClaimsProvisioningIT} alone, it turns on what a portal's identity provider would use
 * (agents created at first login, membership from the {@code workgroups} claim at every login), so the other
 * container tests keep the deployment's defaults.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class ClaimsProvisioningSettings extends LoginSettings {

    @Override
    public boolean autoProvision() {
        return true;
    }

    @Override
    public WorkgroupClaims workgroupClaims() {
        return new WorkgroupClaims(true, "workgroups");
    }
}
