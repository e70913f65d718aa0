package dev.leash.mcp.internal;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The review prompts. Their text lives once, in {@code examples/outer-loop/prompts/*.md} at the repository root,
 * which the build copies to {@value #DIR} on the classpath.
 */
final class Prompts {

    static final String DIR = "/dev/leash/mcp/prompts/";

    private Prompts() {
    }

    static List<SyncPromptSpecification> all(GatewayClient gateway) {
        return all(List.of(gateway));
    }

    /** The prompts over a fleet: the review's track record is each gateway's, named when there are several. */
    static List<SyncPromptSpecification> all(Fleet fleet) {
        return all(fleet.members().stream().map(Fleet.Member::gateway).toList());
    }

    private static List<SyncPromptSpecification> all(List<GatewayClient> gateways) {
        return List.of(
                withTrackRecord(prompt("outer_loop_review", "The 15-minute review: read state, trades, funding and "
                        + "market; propose bounded changes with a one-paragraph rationale."), gateways),
                prompt("weekly_review", "Look across param history and outcomes for systematic mistakes; propose "
                        + "one rule change."),
                prompt("risk_check", "Quick check: should risk go down now?"));
    }

    private static SyncPromptSpecification prompt(String name, String description) {
        String text = text(name);
        Prompt p = Prompt.builder(name).description(description).arguments(List.of()).build();
        GetPromptResult result = GetPromptResult.builder(List.of(PromptMessage.builder(Role.USER,
                TextContent.builder(text).build()).build())).description(description).build();
        return new SyncPromptSpecification(p, (exchange, request) -> result);
    }

    /**
     * The prompt followed by a second message with the model's own track record, the scorecard's one-line summary
     * over the last 7 days, read from the gateway each time the prompt is fetched.
     */
    private static SyncPromptSpecification withTrackRecord(SyncPromptSpecification base,
                                                           List<GatewayClient> gateways) {
        return new SyncPromptSpecification(base.prompt(), (exchange, request) -> {
            GetPromptResult r = base.promptHandler().apply(exchange, request);
            List<PromptMessage> messages = new java.util.ArrayList<>(r.messages());
            for (GatewayClient gateway : gateways) {
                String record = gateways.size() > 1 ? "Gateway " + gateway.name() + ". " + trackRecord(gateway)
                        : trackRecord(gateway);
                messages.add(PromptMessage.builder(Role.USER, TextContent.builder(record).build()).build());
            }
            return GetPromptResult.builder(messages).description(r.description()).build();
        });
    }

    /** "Your track record (get_scorecard, last 7 days): ..." or why it is unavailable. */
    static String trackRecord(GatewayClient gateway) {
        String head = "Before you propose, remember your track record (get_scorecard, last 7 days): ";
        try {
            GatewayReply reply = gateway.get("/api/scorecard", java.util.Map.of("window", "7d", "compact", "true"));
            String summary = reply.ok() ? reply.body().path("summary").asText("") : "";
            if (!summary.isBlank()) {
                return head + gateway.redact(summary);
            }
        } catch (GatewayException e) {
            // the gateway is down: say so rather than leave the model without a word
        }
        return head + "unavailable right now (the gateway did not answer); call get_scorecard.";
    }

    /** The prompt's Markdown text from the classpath; fails at start if the build did not include it. */
    static String text(String name) {
        try (InputStream in = Prompts.class.getResourceAsStream(DIR + name + ".md")) {
            if (in == null) {
                throw new IllegalStateException("prompt " + DIR + name + ".md is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
