package dev.confab.cli.client;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-facing sentences of the client, in English or Chinese ({@code messages.properties} and
 * {@code messages_zh.properties} under {@code dev/confab/cli}). A text names its arguments {0}, {1}…;
 * nothing else in it is special (apostrophes need no escaping). A key missing from the Chinese bundle
 * falls back to English; a key missing everywhere shows as the key itself, so a gap is visible.
 */
public final class Texts {
    private static final String BUNDLE = "dev.confab.cli.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    private Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** English texts. */
    public static Texts english() {
        return new Texts(Locale.ROOT);
    }

    /** Chinese texts (simplified). */
    public static Texts chinese() {
        return new Texts(Locale.CHINESE);
    }

    /**
     * Texts for a language tag such as {@code zh}, {@code zh_CN.UTF-8}, {@code en} or {@code en-GB}: Chinese
     * for any {@code zh} tag, English otherwise.
     */
    public static Texts forTag(String tag) {
        return tag != null && tag.trim().toLowerCase(Locale.ROOT).startsWith("zh") ? chinese() : english();
    }

    /** Whether the language tag names a language this client speaks ({@code en} or {@code zh}, any region). */
    public static boolean supported(String tag) {
        String t = tag.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("en") || t.startsWith("zh");
    }

    /** Chinese or English, as the locale's language says. */
    public static Texts forLocale(Locale locale) {
        return forTag(locale.getLanguage());
    }

    /** Whether these are the Chinese texts. */
    public boolean chineseText() {
        return "zh".equals(locale.getLanguage());
    }

    /** Whether a text exists for {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text of {@code key} with {0}, {1}… replaced by {@code args}. */
    public String get(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            text = key;
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }
}
