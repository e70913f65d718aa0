package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;
import java.util.function.Function;

/**
 * The serialized answer of a read endpoint, built once per distinct input and served as the same bytes until the
 * input changes. The input is a value (a record of the snapshots and figures the answer is made of, compared with
 * {@code equals}), and the answer must be a function of it alone, so a served answer is never older than the input
 * read for the request. Safe for concurrent readers: each reads one published entry; two threads that find it stale
 * may both build, and either result is correct.
 */
final class ResponseMemo<K> {

    /** One published answer and the input it was built from. */
    private record Entry<K>(K input, byte[] body) {
    }

    private final Function<K, JsonNode> build;
    private volatile Entry<K> last;

    ResponseMemo(Function<K, JsonNode> build) {
        this.build = build;
    }

    /** The answer for {@code input}: the published bytes when the input equals theirs, else newly built ones. */
    byte[] get(K input) {
        Entry<K> e = last;
        if (e != null && Objects.equals(e.input(), input)) {
            return e.body();
        }
        byte[] body = Json.bytes(build.apply(input));
        last = new Entry<>(input, body);
        return body;
    }
}
