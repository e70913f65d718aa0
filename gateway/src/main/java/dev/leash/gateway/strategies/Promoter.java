package dev.leash.gateway.strategies;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.params.WriteResult;

import java.io.IOException;

/** Writes a params version carrying a strategy, through param-store (audited, durable when it returns). */
public interface Promoter {

    /** Proposes {@code changes} (the {@code strategy} field alone) as the operator's delegate, with the limits. */
    WriteResult promote(JsonNode changes, String author, String rationale) throws IOException;
}
