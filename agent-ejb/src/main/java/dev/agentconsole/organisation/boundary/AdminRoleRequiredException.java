package dev.agentconsole.organisation.boundary;

import jakarta.ejb.ApplicationException;

/** The caller is not an enabled administrator of an organisation; nothing was read or changed. The REST layer: 403. */
@ApplicationException(rollback = true)
public class AdminRoleRequiredException extends RuntimeException {

    public AdminRoleRequiredException() {
        super("the admin role is required");
    }
}
