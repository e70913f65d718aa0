package dev.leash.gateway.api;

import dev.leash.params.AuditLog;
import dev.leash.risk.ChangeLog;
import dev.leash.risk.Params;
import dev.leash.risk.Violation;

import java.io.IOException;
import java.util.List;

/** What the REST reads see of the parameters: the current version, its history and audit, and the policy. */
public interface ParamReads {

    /** The parameters the engine trades on now. */
    Params current();

    /** Every accepted version, oldest first. */
    List<Params> history();

    /** The accepted changes the slow-rise rules count. */
    ChangeLog changeLog();

    /** The audit journal of every proposal. */
    AuditLog audit() throws IOException;

    /** Problems found reading the audit journal, for the health answer. */
    List<String> journalProblems();

    /** The policy's verdict on {@code candidate} against the ceilings alone (no slow-rise rules). */
    List<Violation> validate(Params candidate);
}
