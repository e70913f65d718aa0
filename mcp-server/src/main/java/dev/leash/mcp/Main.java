package dev.leash.mcp;

import dev.leash.common.JsonLogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar leash-mcp.jar [--http ...]}: stdio by default, Streamable HTTP with {@code --http}. */
public final class Main {

    static {
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC")); // log timestamps in UTC, before LOG
    }

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Only JSON-RPC may reach stdout: keep the real descriptor for the transport, send stray prints to stderr.
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        try {
            if (CommandLine.jsonLogs(args, System.getenv())) {
                JsonLogs.install(); // before stray prints are sent to stderr, so they are JSON lines too
            }
        } catch (ConfigException e) {
            System.err.println("leash-mcp: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.setOut(System.err);
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.err.println(CommandLine.USAGE);
            return;
        }
        if (Arrays.asList(args).equals(List.of("--cds-warmup"))) {
            System.exit(cdsWarmup() ? 0 : 1);
            return;
        }
        McpConfig config;
        try {
            config = CommandLine.parse(args, System.getenv());
        } catch (ConfigException e) {
            System.err.println("leash-mcp: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (config.transport() == McpConfig.Transport.HTTP) {
            runHttp(config, args);
        } else {
            runStdio(config, stdout);
        }
    }

    /** Builds the AppCDS archive's class list: see {@link CdsWarmup}. */
    private static boolean cdsWarmup() {
        try {
            return CdsWarmup.run();
        } catch (IOException e) {
            System.err.println("leash-mcp: --cds-warmup failed: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void runStdio(McpConfig config, OutputStream stdout) throws InterruptedException {
        LOG.info("leash MCP server on stdio; {}", gateways(config));
        McpStdioServer server = McpStdioServer.start(config, System.in, stdout, () -> {
            LOG.info("stdin closed; exiting");
            System.exit(0);
        });
        if (server.metricsPort() >= 0) {
            LOG.info("metrics at http://{}:{}/metrics", config.host(), server.metricsPort());
        }
        // Without this, a session the SDK closed on its own would leave the JVM running with nobody reading stdin.
        server.awaitStopped();
        LOG.error("the MCP session ended without stdin closing; exiting");
        System.exit(1);
    }

    private static void runHttp(McpConfig config, String[] args) throws InterruptedException {
        McpHttpServer server;
        try {
            server = McpHttpServer.start(config, CommandLine.allowedHosts(args));
        } catch (ConfigException e) {
            System.err.println("leash-mcp: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "leash-mcp-shutdown"));
        banner(System.err, server, config);
        new CountDownLatch(1).await();
    }

    /** "gateway URL", or "gateways a=URL, b=URL" for a fleet; never a token. */
    static String gateways(McpConfig config) {
        if (config.fleet().isEmpty()) {
            return "gateway " + config.gatewayBase();
        }
        return "gateways " + String.join(", ", config.fleet().stream().map(g -> g.name() + "=" + g.base()).toList());
    }

    /** The listening address, where the token lives, and the exact command to register the server. */
    static void banner(PrintStream err, McpHttpServer server, McpConfig config) {
        err.println("leash MCP server: Streamable HTTP at " + server.url() + "; " + gateways(config));
        String token;
        if (server.tokenFile() == null) {
            err.println("bearer token: from LEASH_MCP_TOKEN");
            token = "$LEASH_MCP_TOKEN";
        } else {
            err.println("bearer token " + (server.tokenGenerated() ? "generated into " : "read from ")
                    + server.tokenFile() + " (owner-only)");
            token = server.token();
        }
        err.println("register it with Claude Code:");
        err.println("  claude mcp add --transport http leash " + server.url() + " --header \"Authorization: Bearer "
                + token + "\"");
    }
}
