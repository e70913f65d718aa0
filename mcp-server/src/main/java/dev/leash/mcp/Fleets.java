package dev.leash.mcp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --gateway NAME=URL} entries and {@code --gateway-token-file NAME=FILE} to named gateways, each token from its
 * file, else {@code LEASH_MODEL_TOKEN_<NAME>}, else none. Errors name the entry, never a token.
 */
final class Fleets {

    private Fleets() {
    }

    /** The named gateways in the order given; empty when every {@code --gateway} is a bare URL (or none is given). */
    static List<NamedGateway> parse(List<String> gateways, List<String> tokenFiles, String tokenFile,
                                    Map<String, String> env) {
        Map<String, String> urls = new LinkedHashMap<>();
        int bare = 0;
        for (String entry : gateways) {
            String name = name(entry);
            if (name == null) {
                bare++;
                continue;
            }
            if (!NamedGateway.NAME.matcher(name).matches()) {
                throw new ConfigException("--gateway: the name '" + NamedGateway.abbreviate(name) + "' must match "
                        + NamedGateway.NAME.pattern());
            }
            if (urls.put(name, entry.substring(entry.indexOf('=') + 1)) != null) {
                throw new ConfigException("--gateway: the name '" + name + "' is given twice");
            }
        }
        if (urls.isEmpty()) {
            if (!tokenFiles.isEmpty()) {
                throw new ConfigException("--gateway-token-file is for gateways named with --gateway NAME=URL; for one"
                        + " gateway use --token-file");
            }
            return List.of();
        }
        if (bare > 0) {
            throw new ConfigException("--gateway: with several gateways give each as NAME=URL (" + bare
                    + " without a name)");
        }
        if (tokenFile != null) {
            throw new ConfigException("--token-file is for one unnamed gateway; give each named gateway's token with"
                    + " --gateway-token-file NAME=FILE or LEASH_MODEL_TOKEN_<NAME>");
        }
        Map<String, String> envNames = new HashMap<>();
        for (String name : urls.keySet()) {
            String other = envNames.put(NamedGateway.tokenEnv(name), name);
            if (other != null) {
                throw new ConfigException("--gateway: the names '" + other + "' and '" + name + "' would read the same "
                        + NamedGateway.tokenEnv(name) + "; rename one");
            }
        }
        Map<String, Path> files = files(tokenFiles, urls);
        List<NamedGateway> out = new ArrayList<>();
        urls.forEach((name, url) -> out.add(new NamedGateway(name, CommandLine.uri(url), token(name, files, env))));
        return out;
    }

    /** The name of a {@code NAME=URL} entry, or null for a bare URL (an {@code =} after the scheme's {@code ://}). */
    private static String name(String entry) {
        int eq = entry.indexOf('=');
        return eq < 0 || entry.substring(0, eq).contains("://") ? null : entry.substring(0, eq).strip();
    }

    private static Map<String, Path> files(List<String> tokenFiles, Map<String, String> urls) {
        Map<String, Path> files = new HashMap<>();
        for (String entry : tokenFiles) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new ConfigException("--gateway-token-file takes NAME=FILE, got '"
                        + NamedGateway.abbreviate(entry) + "'");
            }
            String name = entry.substring(0, eq).strip();
            if (!urls.containsKey(name)) {
                throw new ConfigException("--gateway-token-file: there is no gateway named '"
                        + NamedGateway.abbreviate(name) + "'; the gateways are " + urls.keySet());
            }
            if (files.put(name, Path.of(entry.substring(eq + 1))) != null) {
                throw new ConfigException("--gateway-token-file: the gateway '" + name + "' is given twice");
            }
        }
        return files;
    }

    private static String token(String name, Map<String, Path> files, Map<String, String> env) {
        Path file = files.get(name);
        if (file != null) {
            return CommandLine.read(file, "--gateway-token-file " + name);
        }
        String fromEnv = CommandLine.blankToNull(env.get(NamedGateway.tokenEnv(name)));
        return fromEnv == null ? null : fromEnv.strip();
    }
}
