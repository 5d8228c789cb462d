package dev.confab.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.ConfabApiException;
import dev.confab.client.ConfabConnectionException;
import dev.confab.protocol.ErrorCode;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TextsTest {
    private static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (var in = TextsTest.class.getResourceAsStream("/dev/confab/cli/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyServerErrorCodeIsTranslatedInBothLanguages() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(Texts.english().has("error." + code.code())).as(code.code()).isTrue();
            assertThat(Texts.chinese().get("error." + code.code())).as(code.code())
                    .isNotEqualTo(Texts.english().get("error." + code.code()));
        }
    }

    @Test
    void theChineseBundleHasEveryEnglishKey() throws Exception {
        assertThat(bundle("messages_zh.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("messages.properties").stringPropertyNames());
    }

    @Test
    void errorsReadAsOneLineWithTheirExitCode() {
        ErrorText english = new ErrorText(Texts.english());
        ErrorText chinese = new ErrorText(Texts.chinese());
        var taken = new ConfabApiException(409, "account.username_taken", ErrorCode.ACCOUNT_USERNAME_TAKEN.defaultMessage());
        assertThat(english.describe(taken)).isEqualTo("That username is taken.");
        assertThat(chinese.describe(taken)).isEqualTo("该用户名已被占用。");
        assertThat(ErrorText.exitCode(taken)).isEqualTo(ExitCodes.REFUSED);

        var specific = new ConfabApiException(400, "account.invalid_password", "Passwords are 8 to 1024 characters.");
        assertThat(english.describe(specific)).isEqualTo("Passwords are 8 to 1024 characters.");
        assertThat(chinese.describe(specific)).isEqualTo("密码过短或过长。（Passwords are 8 to 1024 characters.）");

        var unknown = new ConfabApiException(418, "teapot.brewing", "I am a teapot.");
        assertThat(english.describe(unknown)).isEqualTo("The server refused the request (418): I am a teapot.");
        assertThat(ErrorText.exitCode(new ConfabApiException(401, "auth.unauthenticated", ""))).isEqualTo(ExitCodes.AUTH);
        assertThat(ErrorText.exitCode(new ConfabApiException(503, "unavailable", ""))).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(ErrorText.exitCode(new ConfabConnectionException("down"))).isEqualTo(ExitCodes.UNAVAILABLE);
    }

    @Test
    void languageTagsChooseTheBundle() {
        assertThat(Texts.forTag("zh_CN.UTF-8").chineseText()).isTrue();
        assertThat(Texts.forTag("en_GB").chineseText()).isFalse();
        assertThat(Texts.forTag(null).chineseText()).isFalse();
        assertThat(Texts.english().get("send.done", 3, 7)).isEqualTo("Sent (conversation 3, seq 7).");
    }
}
