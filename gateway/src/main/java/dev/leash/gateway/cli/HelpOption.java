package dev.leash.gateway.cli;

import picocli.CommandLine.Option;

/** {@code -h} and {@code --help} on every command: its usage on stdout, exit code 0. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;
}
