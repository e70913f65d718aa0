package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.app.RunningGateway.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on {@code application/problem+json} answers. */
final class Problems {

    private Problems() {
    }

    /** Asserts an RFC 9457 problem with {@code status} whose detail contains {@code detail}; returns its JSON. */
    static JsonNode assertProblem(Response r, int status, String detail) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.contentType()).as("content type of %s", r).startsWith("application/problem+json");
        assertNoStackTrace(r);
        JsonNode p = r.json();
        assertThat(p.path("status").asInt()).as("problem status of %s", r).isEqualTo(status);
        assertThat(p.path("title").asText()).as("problem title of %s", r).isNotBlank();
        assertThat(p.path("detail").asText()).as("problem detail of %s", r).contains(detail);
        return p;
    }

    static void assertNoStackTrace(Response r) {
        assertThat(r.body()).as("body of %s", r).doesNotContain("Exception", "at dev.leash", "at java.", "at io.javalin",
                "at org.eclipse");
    }
}
