package dev.leash.gateway.cli;

import dev.leash.gateway.config.ConfigException;
import dev.leash.gateway.config.ConfigLoader;
import dev.leash.gateway.config.GatewayConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/** The {@code --config} and {@code --data-dir} options the commands that read the configuration share. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "the YAML configuration (default: built-in)")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "the data directory (overrides the config)")
    Path dataDir;

    /** The configuration from {@code --config} and the environment, with {@code --data-dir} and the overrides. */
    GatewayConfig load(Map<String, String> env, Integer port, Double speed) throws ConfigException {
        return ConfigLoader.load(config, env, new ConfigLoader.Overrides(dataDir, port, speed));
    }
}
