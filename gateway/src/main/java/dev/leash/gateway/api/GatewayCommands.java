package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.loop.SymbolVeto;
import dev.leash.params.WriteResult;
import dev.leash.risk.Principal;
import dev.leash.risk.Violation;

import java.io.IOException;
import java.util.List;

/**
 * What a REST write may ask of the gateway: propose parameters, journal a refused proposal, lift a loss halt, and the
 * operator's halt and its lifting.
 */
public interface GatewayCommands {

    /** Proposes a change for {@code principal}, whose rules apply; an accepted one is durable when this returns. */
    WriteResult propose(Long expectedVersion, JsonNode changes, String author, Principal principal, String rationale,
                        boolean dryRun) throws IOException;

    /** Journals a proposal whose body could not be read as rejected with {@code reasons}; durable when this returns. */
    void rejectMalformed(JsonNode proposal, String author, Principal principal, String rationale,
                         List<Violation> reasons, boolean dryRun) throws IOException;

    /** An operator lifts today's daily loss halt; true when lifted and durable. */
    boolean resumeAfterLossHalt(String author, String rationale) throws IOException;

    /** The operator flattens every position and stops trading until its own resume; true when halted and durable. */
    boolean haltByOperator(String author, String rationale) throws IOException;

    /** The operator lifts its own halt; true when lifted and durable. */
    boolean liftOperatorHalt(String author, String rationale) throws IOException;

    /**
     * Sets a side veto on a symbol (it only removes exposure); null when set, durable and in force. Unless
     * {@code principal} is the operator, a veto in force may only be replaced by one that blocks as much, as long:
     * otherwise that veto is returned and nothing changes.
     */
    SymbolVeto setSymbolBias(SymbolVeto veto, Principal principal) throws IOException;

    /** The operator clears the veto on {@code symbol}; the one cleared (durable), or null when none was in force. */
    SymbolVeto clearSymbolBias(String symbol, String author, String rationale) throws IOException;

    /** The operator rolls the parameters back to accepted version {@code version}; durable when accepted. */
    WriteResult rollbackParams(long version, String author, String rationale) throws IOException;
}
