package dev.leash.gateway.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format (version 0.0.4) for tests: every line must be a
 * {@code # HELP}, a {@code # TYPE}, a comment or a sample {@code name{labels} value [timestamp]}; a family's
 * {@code TYPE} comes before its samples and its samples are contiguous; no series appears twice; a histogram's
 * buckets are cumulative and its {@code +Inf} bucket equals its count. Any violation throws with the line number.
 */
public final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") ((?:[^\\\\\\n]|\\\\\\\\|\\\\n)*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)})? (\\S+)( -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\\\\\|\\\\\"|\\\\n)*)\"");
    private static final Pattern VALUE = Pattern.compile("[+-]?(Inf|NaN|[0-9]*\\.?[0-9]+([eE][+-]?[0-9]+)?|[0-9]+\\.)");

    /** One sample. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final Map<String, String> types = new HashMap<>();
    private final Map<String, String> help = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    private PrometheusText() {
    }

    /** Parses {@code text} or throws {@link IllegalArgumentException} naming the first offending line. */
    public static PrometheusText parse(String text) {
        PrometheusText p = new PrometheusText();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition does not end with a line feed");
        }
        String[] lines = text.split("\n", -1);
        Set<String> closed = new HashSet<>();
        Set<String> series = new HashSet<>();
        String current = null;
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            int n = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            Matcher m;
            if (line.startsWith("# HELP ")) {
                m = require(HELP, line, n);
                if (p.help.put(m.group(1), m.group(2)) != null) {
                    throw bad(n, "a second HELP for " + m.group(1), line);
                }
            } else if (line.startsWith("# TYPE ")) {
                m = require(TYPE, line, n);
                String family = m.group(1);
                if (p.types.put(family, m.group(2)) != null || closed.contains(family)) {
                    throw bad(n, "TYPE of " + family + " after its samples or twice", line);
                }
            } else if (line.startsWith("#")) {
                continue;
            } else {
                m = require(SAMPLE, line, n);
                String name = m.group(1);
                Map<String, String> labels = labels(m.group(3), n, line);
                String family = p.family(name);
                if (!family.equals(current)) {
                    if (current != null) {
                        closed.add(current);
                    }
                    if (closed.contains(family)) {
                        throw bad(n, "samples of " + family + " are not contiguous", line);
                    }
                    current = family;
                }
                if (!series.add(name + labels)) {
                    throw bad(n, "a second sample of the same series", line);
                }
                if (!VALUE.matcher(m.group(4)).matches()) {
                    throw bad(n, "not a number: " + m.group(4), line);
                }
                p.samples.add(new Sample(name, labels, parseValue(m.group(4))));
            }
        }
        p.checkHistograms();
        return p;
    }

    /** The family a sample name belongs to: its TYPE'd name, after the histogram/summary suffixes. */
    private String family(String name) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String suffix : List.of("_bucket", "_count", "_sum")) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                String t = types.get(base);
                if ("histogram".equals(t) || ("summary".equals(t) && !suffix.equals("_bucket"))) {
                    return base;
                }
            }
        }
        throw new IllegalArgumentException("sample " + name + " has no TYPE line before it");
    }

    private void checkHistograms() {
        for (Map.Entry<String, String> t : types.entrySet()) {
            if (!t.getValue().equals("histogram")) {
                continue;
            }
            String h = t.getKey();
            Map<Map<String, String>, List<Sample>> byLabels = new LinkedHashMap<>();
            for (Sample s : samples) {
                if (s.name().equals(h + "_bucket")) {
                    Map<String, String> rest = new LinkedHashMap<>(s.labels());
                    if (rest.remove("le") == null) {
                        throw new IllegalArgumentException(h + "_bucket without le: " + s);
                    }
                    byLabels.computeIfAbsent(rest, k -> new ArrayList<>()).add(s);
                }
            }
            for (Map.Entry<Map<String, String>, List<Sample>> e : byLabels.entrySet()) {
                double before = -1;
                double upper = Double.NEGATIVE_INFINITY;
                for (Sample b : e.getValue()) {
                    double le = parseValue(b.labels().get("le"));
                    if (le <= upper || b.value() < before) {
                        throw new IllegalArgumentException(h + " buckets are not cumulative in order: " + b);
                    }
                    upper = le;
                    before = b.value();
                }
                if (upper != Double.POSITIVE_INFINITY || before != value(h + "_count", e.getKey())) {
                    throw new IllegalArgumentException(h + e.getKey() + ": the +Inf bucket is not the count");
                }
            }
        }
    }

    private static Map<String, String> labels(String text, int n, String line) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        int at = 0;
        Matcher m = LABEL.matcher(text);
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw bad(n, "malformed labels", line);
            }
            if (out.put(m.group(1), m.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\"))
                    != null) {
                throw bad(n, "label " + m.group(1) + " twice", line);
            }
            at = m.end();
            if (at < text.length()) {
                if (text.charAt(at) != ',') {
                    throw bad(n, "labels not separated by commas", line);
                }
                at++;
            }
        }
        return out;
    }

    private static double parseValue(String v) {
        return switch (v) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
    }

    private static Matcher require(Pattern p, String line, int n) {
        Matcher m = p.matcher(line);
        if (!m.matches()) {
            throw bad(n, "does not match " + p.pattern(), line);
        }
        return m;
    }

    private static IllegalArgumentException bad(int n, String why, String line) {
        return new IllegalArgumentException("line " + n + ": " + why + ": " + line);
    }

    /** The TYPE of {@code family}, or null. */
    public String type(String family) {
        return types.get(family);
    }

    /** The HELP of {@code family}, or null. */
    public String help(String family) {
        return help.get(family);
    }

    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Every sample named {@code name}. */
    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The value of the series {@code name} with exactly {@code labels}; NaN when absent. */
    public double value(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels))
                .mapToDouble(Sample::value).findFirst().orElse(Double.NaN);
    }

    /** The value of the unlabelled series {@code name}; NaN when absent. */
    public double value(String name) {
        return value(name, Map.of());
    }

    /** The sum of every series named {@code name}. */
    public double sum(String name) {
        return samples(name).stream().mapToDouble(Sample::value).sum();
    }
}
