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

    static List<SyncPromptSpecification> all() {
        return List.of(
                prompt("outer_loop_review", "The 15-minute review: read state, trades, funding and market; propose "
                        + "bounded changes with a one-paragraph rationale."),
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
