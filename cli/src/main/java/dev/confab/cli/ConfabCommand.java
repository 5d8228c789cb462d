package dev.confab.cli;

import dev.confab.cli.client.CliContext;
import dev.confab.cli.client.UsageLanguage;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code confab} command: one binary for the server, its tools and the terminal client. */
@Command(name = "confab", mixinStandardHelpOptions = true, versionProvider = ConfabVersion.class,
        description = "Confab: self-hosted real-time messaging.",
        subcommands = {ServerCommand.class, ConfigCommand.class, dev.confab.cli.peer.PeerCommand.class,
                dev.confab.cli.bench.BenchCommand.class,
                dev.confab.cli.chat.ChatCommand.class,
                dev.confab.cli.account.RegisterCommand.class, dev.confab.cli.account.LoginCommand.class,
                dev.confab.cli.account.LogoutCommand.class, dev.confab.cli.script.SendCommand.class,
                dev.confab.cli.script.HistoryCommand.class, dev.confab.cli.script.WatchCommand.class,
                dev.confab.cli.script.FriendsCommand.class, dev.confab.cli.script.GroupCommand.class,
                dev.confab.cli.script.RoomsCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes of the client commands: 0 done, 1 refused by the server or not found,",
                "2 usage error, 3 not logged in or authentication failed, 4 server unreachable or failing."})
public final class ConfabCommand implements Runnable {
    private final CliContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The command in the process's own environment. */
    public ConfabCommand() {
        this(CliContext.system());
    }

    /** The command in a given environment (tests give their own streams, variables and home). */
    public ConfabCommand(CliContext context) {
        this.context = context;
    }

    /** The environment the client commands run in. */
    public CliContext context() {
        return context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs {@code args} in {@code context} and returns the exit code. */
    public static int run(CliContext context, String... args) {
        CommandLine line = new CommandLine(new ConfabCommand(context));
        UsageLanguage.apply(line, context, args);
        line.setOut(new PrintWriter(new OutputStreamWriter(context.out(), StandardCharsets.UTF_8), true));
        line.setErr(new PrintWriter(new OutputStreamWriter(context.err(), StandardCharsets.UTF_8), true));
        return line.execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(CliContext.system(), args));
    }
}
