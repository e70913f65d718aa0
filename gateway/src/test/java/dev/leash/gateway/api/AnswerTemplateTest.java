package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A health-like answer is serialized once per input, and each request writes its own ages into it: byte for byte what
 * building and serializing the whole answer with those ages gives.
 */
class AnswerTemplateTest {

    /** An answer's input besides its ages: a status and a note. */
    record Input(String status, String note) {
    }

    private final AtomicInteger builds = new AtomicInteger();

    private ObjectNode answer(Input in, long[] ages) {
        builds.incrementAndGet();
        ObjectNode o = Json.object();
        o.put("status", in.status());
        o.putObject("inner").put("age_ms", ages[0]).put("note", in.note());
        o.put("middle_age_ms", ages[1]);
        return o;
    }

    private final AnswerTemplate<Input> template = new AnswerTemplate<>(this::answer);

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void eachRequestGetsItsOwnAgesFromOneBuild() {
        Input in = new Input("ok", "fine");

        String a = text(template.render(in, 12, -1));
        String b = text(template.render(in, 1_234_567, 0));

        assertThat(a).isEqualTo(Json.text(answer(in, new long[] {12, -1})));
        assertThat(b).isEqualTo("{\"status\":\"ok\",\"inner\":{\"age_ms\":1234567,\"note\":\"fine\"},\"middle_age_ms\":0}");
        assertThat(builds).hasValue(2); // the template once, and the full build compared with above
    }

    @Test
    void aNewInputIsBuiltAtOnce() {
        template.render(new Input("ok", "fine"), 5, 5);

        assertThat(text(template.render(new Input("degraded", "journal behind"), 5, 5)))
                .startsWith("{\"status\":\"degraded\"").contains("journal behind");
    }

    @Test
    void aMarkerLookalikeInsideAStringIsNeverAHole() {
        Input in = new Input("ok", "quoted " + AnswerTemplate.MARK + " and " + (AnswerTemplate.MARK - 1));

        String a = text(template.render(in, 7, 8));

        assertThat(a).isEqualTo(Json.text(answer(in, new long[] {7, 8})));
    }

    @Test
    void anAnswerWithoutItsHolesIsBuiltInFullEachTime() {
        AnswerTemplate<Input> partial = new AnswerTemplate<>((in, ages) -> Json.object().put("status", in.status()));

        assertThat(text(partial.render(new Input("ok", ""), 1, 2))).isEqualTo("{\"status\":\"ok\"}");
        assertThat(text(partial.render(new Input("ok", ""), 3, 4))).isEqualTo("{\"status\":\"ok\"}");
    }
}
