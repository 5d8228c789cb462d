package dev.confab.cli.client;

import dev.confab.cli.ConfabCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that talk to a server as a user. Resolves the {@link ClientSetup}, runs the
 * command, and turns any failure into one translated line on standard error (prefixed
 * {@code confab:}) and its exit code ({@link ExitCodes}); never a stack trace.
 */
public abstract class ClientCommand implements Callable<Integer> {
    @Mixin
    protected ClientOptions clientOptions;

    @Spec
    protected CommandSpec spec;

    /** Runs the command; returns its exit code, or throws to fail with a translated line. */
    protected abstract int execute(ClientSetup setup) throws Exception;

    @Override
    public final Integer call() {
        CliContext context = context();
        ClientSetup setup;
        try {
            setup = new ClientSetup(context, clientOptions);
        } catch (CliFailure failure) {
            context.err().println("confab: " + failure.getMessage());
            return failure.exitCode();
        }
        try {
            return execute(setup);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.UNAVAILABLE;
        } catch (Exception e) {
            context.err().println("confab: " + setup.errors().describe(e));
            return ErrorText.exitCode(e);
        }
    }

    /** The environment, from the root command. */
    protected CliContext context() {
        Object root = spec.root().userObject();
        return root instanceof ConfabCommand command ? command.context() : CliContext.system();
    }
}
