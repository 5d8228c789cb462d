package dev.confab.cli.client;

import dev.confab.client.ConfabHttpClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Everything a client command works from, resolved once: the config directory, the language, the
 * server and the saved session. The server is the first of: {@code --server}, {@code CONFAB_SERVER},
 * {@code server} in config.properties, the saved session's server, {@code http://localhost:8080}.
 */
public final class ClientSetup {
    public static final String DEFAULT_SERVER = "http://localhost:8080";

    private final CliContext context;
    private final Path home;
    private final ClientConfig config;
    private final Texts texts;
    private final String explicitServer;

    public ClientSetup(CliContext context, ClientOptions options) {
        this.context = context;
        this.home = ConfabHome.of(context);
        this.config = ClientConfig.load(home);
        this.texts = chooseTexts(context, options.lang(), config.lang());
        this.explicitServer = options.server() != null ? options.server() : context.variable("CONFAB_SERVER");
    }

    private static Texts chooseTexts(CliContext context, String flag, String configured) {
        if (flag != null) {
            if (!Texts.supported(flag)) {
                throw new CliFailure(ExitCodes.USAGE, Texts.forLocale(context.locale()).get("usage.bad_lang", flag));
            }
            return Texts.forTag(flag);
        }
        String env = context.variable("CONFAB_LANG");
        if (env != null) {
            return Texts.forTag(env);
        }
        return configured != null ? Texts.forTag(configured) : Texts.forLocale(context.locale());
    }

    public CliContext context() {
        return context;
    }

    public Path home() {
        return home;
    }

    public ClientConfig config() {
        return config;
    }

    public Texts texts() {
        return texts;
    }

    public ErrorText errors() {
        return new ErrorText(texts);
    }

    /** The server to talk to, as a normalised base URL without a trailing slash. */
    public String server() {
        String chosen = explicitServer;
        if (chosen == null) {
            chosen = config.server();
        }
        if (chosen == null) {
            SavedSession saved = SavedSession.load(home);
            chosen = saved != null ? saved.server() : DEFAULT_SERVER;
        }
        return normalise(chosen);
    }

    /** A client without a session, for registering and logging in. */
    public ConfabHttpClient anonymousClient() {
        return new ConfabHttpClient(URI.create(server()));
    }

    /**
     * The saved session for the chosen server, or a failure with exit code {@link ExitCodes#AUTH} when
     * there is none, or it belongs to another server.
     */
    public SavedSession session() {
        SavedSession saved = SavedSession.load(home);
        if (saved == null) {
            throw new CliFailure(ExitCodes.AUTH, texts.get("auth.not_logged_in"));
        }
        String server = server();
        if (!normalise(saved.server()).equals(server)) {
            throw new CliFailure(ExitCodes.AUTH, texts.get("auth.other_server", saved.server(), server));
        }
        return saved;
    }

    /** A client acting for the saved session. */
    public ConfabHttpClient sessionClient() {
        SavedSession saved = session();
        return new ConfabHttpClient(URI.create(normalise(saved.server())), saved.token());
    }

    private String normalise(String server) {
        String text = server.trim();
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new CliFailure(ExitCodes.USAGE, texts.get("usage.bad_server", server));
            }
            return text;
        } catch (URISyntaxException e) {
            throw new CliFailure(ExitCodes.USAGE, texts.get("usage.bad_server", server));
        }
    }
}
