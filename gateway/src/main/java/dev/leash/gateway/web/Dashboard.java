package dev.leash.gateway.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

import java.util.Map;

/**
 * The operator's dashboard at {@code /}: static pages from the jar ({@code /dashboard} on the classpath) and uPlot
 * from its WebJar, under a Content-Security-Policy that allows only this origin's scripts, styles and connections
 * (no inline script, no framing). The pages read the REST API and {@code /api/events}; the writes they offer need the
 * operator's token typed into the page.
 */
public final class Dashboard {

    /** What the browser may load and run on the dashboard. */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private Dashboard() {
    }

    /** Serves the dashboard and its WebJars from {@code cfg}'s server. */
    public static void install(JavalinConfig cfg) {
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/dashboard";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Content-Security-Policy", CSP, "X-Content-Type-Options", "nosniff",
                    "Referrer-Policy", "no-referrer", "X-Frame-Options", "DENY", "Cache-Control", "no-cache");
        });
        cfg.staticFiles.enableWebjars();
    }
}
