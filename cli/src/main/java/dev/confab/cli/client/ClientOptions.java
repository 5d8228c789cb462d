package dev.confab.cli.client;

import picocli.CommandLine.Option;

/** Options every client command takes: which server, and which language to speak. */
public final class ClientOptions {
    @Option(names = "--server", paramLabel = "URL", description = "Server base URL, e.g. http://127.0.0.1:8080."
            + " Default: $CONFAB_SERVER, else 'server' in config.properties, else the saved session's server,"
            + " else http://localhost:8080.")
    String server;

    @Option(names = "--lang", paramLabel = "en|zh", description = "Language of messages. Default: $CONFAB_LANG,"
            + " else 'lang' in config.properties, else the system locale.")
    String lang;

    public String server() {
        return server;
    }

    public String lang() {
        return lang;
    }
}
