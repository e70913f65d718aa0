package dev.leash.gateway.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A read endpoint's answer serialized once per distinct input, with holes for the few whole numbers that move with
 * every request (ages against the wall clock): each request copies the serialized parts and writes its own numbers
 * into the holes, so the answer is byte for byte what serializing the whole tree with those numbers gives. The tree
 * must be a function of the input and the hole values alone, and each hole value must be written once, as a JSON
 * number. Safe for concurrent readers: each reads one published entry.
 */
final class AnswerTemplate<K> {

    /** Builds the answer for an input with the given values in its holes. */
    interface Build<K> {
        JsonNode build(K input, long[] holes);
    }

    /** The first marker; hole {@code i} is built with {@code MARK - i}, a number no answer shows. */
    static final long MARK = -9_100_000_000_000_000_000L;

    /**
     * One published template: {@code parts} are the answer's bytes between the holes (one more than the holes),
     * {@code order} the hole written after each part; null parts when the markers were not found once each (the
     * answer is then built in full for each request).
     */
    private record Entry<K>(K input, int holes, byte[][] parts, int[] order) {
    }

    private final Build<K> build;
    private volatile Entry<K> last;

    AnswerTemplate(Build<K> build) {
        this.build = build;
    }

    /** The answer for {@code input} with {@code values} in its holes. */
    byte[] render(K input, long... values) {
        Entry<K> e = last;
        if (e == null || e.holes() != values.length || !Objects.equals(e.input(), input)) {
            e = compile(input, values.length);
            last = e;
        }
        if (e.parts() == null) {
            return Json.bytes(build.build(input, values.clone()));
        }
        byte[][] digits = new byte[values.length][];
        int size = 0;
        for (int i = 0; i < values.length; i++) {
            digits[i] = Long.toString(values[i]).getBytes(StandardCharsets.US_ASCII);
            size += digits[i].length;
        }
        for (byte[] p : e.parts()) {
            size += p.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (int i = 0; i < e.parts().length; i++) {
            byte[] p = e.parts()[i];
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
            if (i < e.order().length) {
                byte[] d = digits[e.order()[i]];
                System.arraycopy(d, 0, out, at, d.length);
                at += d.length;
            }
        }
        return out;
    }

    private Entry<K> compile(K input, int holes) {
        long[] marks = new long[holes];
        for (int i = 0; i < holes; i++) {
            marks[i] = MARK - i;
        }
        byte[] body = Json.bytes(build.build(input, marks));
        long[] found = holes(body, holes);
        if (found == null) {
            return new Entry<>(input, holes, null, null);
        }
        byte[][] parts = new byte[holes + 1][];
        int[] order = new int[holes];
        int from = 0;
        for (int k = 0; k < holes; k++) {
            int at = (int) (found[k] >>> 16);
            order[k] = (int) (found[k] & 0xffff);
            parts[k] = Arrays.copyOfRange(body, from, at);
            from = at + Long.toString(marks[order[k]]).length();
        }
        parts[holes] = Arrays.copyOfRange(body, from, body.length);
        return new Entry<>(input, holes, parts, order);
    }

    /**
     * Where each marker stands in {@code body} as a JSON number token (never inside a string), as
     * {@code offset << 16 | hole} in the order they appear; null unless each marker stands there exactly once.
     */
    private static long[] holes(byte[] body, int holes) {
        long[] found = new long[holes];
        Arrays.fill(found, -1);
        try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.LONG) {
                    continue;
                }
                long hole = MARK - p.getLongValue();
                if (hole < 0 || hole >= holes) {
                    continue;
                }
                if (found[(int) hole] >= 0) {
                    return null;
                }
                found[(int) hole] = (p.currentTokenLocation().getByteOffset() << 16) | hole;
            }
        } catch (IOException e) {
            return null;
        }
        for (long f : found) {
            if (f < 0) {
                return null;
            }
        }
        Arrays.sort(found);
        return found;
    }
}
