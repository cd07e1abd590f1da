package dev.agentconsole.organisation.boundary;

import dev.agentconsole.model.PermissionDeniedException;
import jakarta.ejb.ApplicationException;

/**
 * The caller is not an enabled administrator of an organisation; nothing was read or changed. A permission refusal
 * like any other: the REST layer answers 403 {@code forbidden}.
 */
@ApplicationException(rollback = true)
public class AdminRoleRequiredException extends PermissionDeniedException {

    public AdminRoleRequiredException() {
        super("the admin role is required");
    }
}
