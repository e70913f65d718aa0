package dev.leash.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A child JVM for a test: this JVM's {@code java}, options that make it start fast, a main class on this classpath or
 * a jar, and an environment without the caller's {@code LEASH_*} variables (a developer's shell must not change what
 * a test sees).
 */
public final class JavaProcess {

    private final List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"));
    private final List<String> target;
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();

    private JavaProcess(List<String> target) {
        this.target = target;
    }

    /** {@code main} of a class on this JVM's classpath. */
    public static JavaProcess main(Class<?> main) {
        return main(main.getName());
    }

    /** {@code main} of the named class on this JVM's classpath. */
    public static JavaProcess main(String className) {
        return new JavaProcess(List.of("-cp", System.getProperty("java.class.path"), className));
    }

    /** An executable jar. */
    public static JavaProcess jar(Path jar) {
        return new JavaProcess(List.of("-jar", jar.toString()));
    }

    /** JVM options, after the fast-start ones. */
    public JavaProcess jvm(String... more) {
        options.addAll(List.of(more));
        return this;
    }

    public JavaProcess args(String... more) {
        args.addAll(List.of(more));
        return this;
    }

    public JavaProcess args(List<String> more) {
        args.addAll(more);
        return this;
    }

    public JavaProcess env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public JavaProcess env(Map<String, String> more) {
        env.putAll(more);
        return this;
    }

    /** The whole command line. */
    public List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options);
        cmd.addAll(target);
        cmd.addAll(args);
        return cmd;
    }

    /** A builder for it, environment set; the caller chooses where the output goes. */
    public ProcessBuilder builder() {
        ProcessBuilder pb = new ProcessBuilder(command());
        pb.environment().keySet().removeIf(k -> k.startsWith("LEASH_"));
        pb.environment().putAll(env);
        return pb;
    }
}
