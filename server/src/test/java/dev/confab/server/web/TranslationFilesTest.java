package dev.confab.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.protocol.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The translation files of the web client (web/i18n): English and Chinese have the same keys, every
 * key the scripts name literally exists, every server error code has a sentence in both, and the
 * placeholders of each string are the same in both languages.
 */
class TranslationFilesTest {
    private static final Path WEB = Path.of("..", "web");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern KEY_LITERAL = Pattern.compile("'([a-z]+\\.[a-z_]+(?:\\.[a-z_]+)?)'");
    /** Literals that look like keys but are protocol names: an error code compared, a frame type sent. */
    private static final Set<String> NOT_KEYS = Set.of("auth.unauthenticated", "presence.query");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private static JsonNode table(String lang) throws IOException {
        return MAPPER.readTree(WEB.resolve("i18n").resolve(lang + ".json").toFile());
    }

    private static Set<String> keys(JsonNode table) {
        Set<String> keys = new TreeSet<>();
        table.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void englishAndChineseHaveTheSameKeysAndPlaceholders() throws IOException {
        JsonNode en = table("en");
        JsonNode zh = table("zh");
        assertThat(keys(zh)).isEqualTo(keys(en));
        for (String key : keys(en)) {
            assertThat(placeholders(zh.path(key).asText())).as(key).isEqualTo(placeholders(en.path(key).asText()));
            assertThat(zh.path(key).asText()).as(key).isNotBlank();
        }
    }

    @Test
    void everyKeyTheScriptsNameExists() throws IOException {
        Set<String> known = keys(table("en"));
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(WEB.resolve("js"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    boolean looksLikeKey = key.matches("(announce|app|auth|chat|chats|common|connection|contacts|day|error|groups|history"
                            + "|info|kind|language|list|nav|policy|presence|role|rooms|settings|status|system)\\..*");
                    if (looksLikeKey && !NOT_KEYS.contains(key) && !known.contains(key)) {
                        missing.add(file.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyServerErrorCodeIsTranslated() throws IOException {
        Set<String> en = keys(table("en"));
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(en).as("error." + code.code()).contains("error." + code.code());
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
