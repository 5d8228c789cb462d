package dev.confab.cli;

import dev.confab.server.app.config.ConfigKeys;
import picocli.CommandLine.Command;

/** {@code confab config example}: prints the documented example configuration. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Configuration tools.",
        subcommands = ConfigCommand.Example.class)
final class ConfigCommand implements Runnable {
    @Override
    public void run() {
        System.out.print(ConfigKeys.exampleFile());
    }

    @Command(name = "example", description = "Prints every configuration key with its default and meaning.")
    static final class Example implements Runnable {
        @Override
        public void run() {
            System.out.print(ConfigKeys.exampleFile());
        }
    }
}
