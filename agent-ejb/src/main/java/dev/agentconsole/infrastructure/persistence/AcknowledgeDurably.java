package dev.agentconsole.infrastructure.persistence;

import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * On a boundary bean that runs outside any transaction: after the business method returned (its transactions have
 * committed), waits until the change is durable, so the 2xx that follows is a promise the data survives a crash.
 */
public class AcknowledgeDurably {

    @Inject
    DurableAcknowledgement durable;

    @AroundInvoke
    public Object afterCommit(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        durable.committed();
        return result;
    }
}
