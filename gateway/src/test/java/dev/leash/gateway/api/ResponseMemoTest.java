package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A read endpoint's answer is serialized once per distinct input and never served for another input. */
class ResponseMemoTest {

    /** An answer's whole input: a version and a figure. */
    record Input(long version, double figure) {
    }

    private final AtomicInteger builds = new AtomicInteger();
    private final ResponseMemo<Input> memo = new ResponseMemo<>(in -> {
        builds.incrementAndGet();
        ObjectNode o = Json.object();
        o.put("version", in.version());
        Json.num(o, "figure", in.figure());
        return o;
    });

    @Test
    void servesTheSameBytesWhileTheInputIsEqual() {
        byte[] first = memo.get(new Input(1, 2.5));
        byte[] again = memo.get(new Input(1, 2.5)); // an equal input read for another request

        assertThat(again).isSameAs(first);
        assertThat(builds).hasValue(1);
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("{\"version\":1,\"figure\":2.5}");
    }

    @Test
    void rebuildsAsSoonAsAnyPartOfTheInputChanges() {
        memo.get(new Input(1, 2.5));

        assertThat(new String(memo.get(new Input(2, 2.5)), StandardCharsets.UTF_8))
                .isEqualTo("{\"version\":2,\"figure\":2.5}");
        assertThat(new String(memo.get(new Input(2, 3.0)), StandardCharsets.UTF_8))
                .isEqualTo("{\"version\":2,\"figure\":3.0}");
        assertThat(new String(memo.get(new Input(1, 2.5)), StandardCharsets.UTF_8)) // back to an older input
                .isEqualTo("{\"version\":1,\"figure\":2.5}");
        assertThat(builds).hasValue(4);
    }

    @Test
    void writesDoublesAsTheCompactTextDid() {
        ObjectNode o = Json.object();
        double[] values = {0.1, 1e-5, 123456.78901234, 1e7, 99_999.99, -0.000123, 3.0};
        for (int i = 0; i < values.length; i++) {
            Json.num(o, "v" + i, values[i]);
        }
        Json.num(o, "nan", Double.NaN);

        assertThat(new String(Json.bytes(o), StandardCharsets.UTF_8)).isEqualTo(Json.text(o));
    }
}
