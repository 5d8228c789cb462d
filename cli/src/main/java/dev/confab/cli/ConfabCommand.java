package dev.confab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code confab} command: one binary for the server and its tools. */
@Command(name = "confab", mixinStandardHelpOptions = true, versionProvider = ConfabVersion.class,
        description = "Confab: self-hosted real-time messaging.",
        subcommands = {ServerCommand.class, ConfigCommand.class, dev.confab.cli.peer.PeerCommand.class,
                dev.confab.cli.bench.BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class ConfabCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ConfabCommand()).execute(args));
    }
}
