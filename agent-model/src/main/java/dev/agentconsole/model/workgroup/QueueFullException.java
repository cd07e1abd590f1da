package dev.agentconsole.model.workgroup;

import dev.agentconsole.model.DomainRuleException;

/**
 * A visitor tried to start a thread in a workgroup whose queue is at its cap. Nothing was created; the visitor may try
 * again later (the web layer answers 503, not the 409 of other refusals: the state is temporary, not the request).
 */
public class QueueFullException extends DomainRuleException {

    public QueueFullException(String workgroupUid, int cap) {
        super("queue_full", "all agents are busy and the queue of " + workgroupUid + " is full (" + cap
                + " waiting); try again later");
    }
}
