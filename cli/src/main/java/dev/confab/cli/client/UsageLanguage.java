package dev.confab.cli.client;

import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine;

/**
 * Puts picocli's usage help ({@code --help}, {@code confab help}) in the user's language. The language
 * is chosen before the arguments are parsed, the way {@link ClientSetup} chooses it for the commands'
 * own output: {@code --lang} among the arguments, else {@code CONFAB_LANG}, else {@code lang} in
 * config.properties, else the locale. The English help is in the commands' annotations; the Chinese is
 * in {@code usage_zh.properties} (and {@code bench/usage_zh.properties} for {@code confab bench}).
 */
public final class UsageLanguage {
    private static final String BUNDLE = "dev.confab.cli.usage";
    private static final String BENCH_BUNDLE = "dev.confab.cli.bench.usage";

    private UsageLanguage() {
    }

    /** Gives {@code line} (the root command) and its subcommands the usage help of the chosen language. */
    public static void apply(CommandLine line, CliContext context, String[] args) {
        if (!Texts.forTag(tag(context, flag(args))).chineseText()) {
            return;
        }
        line.setResourceBundle(chinese(BUNDLE));
        CommandLine bench = line.getSubcommands().get("bench");
        if (bench != null) {
            bench.setResourceBundle(chinese(BENCH_BUNDLE));
        }
    }

    /**
     * The language tag to use: {@code flag} (the value of {@code --lang}, or null), else
     * {@code CONFAB_LANG}, else {@code lang} in config.properties, else the locale's language.
     */
    static String tag(CliContext context, String flag) {
        if (flag != null) {
            return flag;
        }
        String env = context.variable("CONFAB_LANG");
        if (env != null) {
            return env;
        }
        String configured;
        try {
            configured = ClientConfig.load(ConfabHome.of(context)).lang();
        } catch (RuntimeException e) {
            configured = null; // an unreadable config is reported by the command itself
        }
        return configured != null ? configured : context.locale().getLanguage();
    }

    /** The value of {@code --lang X} or {@code --lang=X} among the arguments, or null. */
    static String flag(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                return null;
            }
            if (args[i].startsWith("--lang=")) {
                return args[i].substring("--lang=".length());
            }
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static ResourceBundle chinese(String name) {
        return ResourceBundle.getBundle(name, Locale.CHINESE,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
