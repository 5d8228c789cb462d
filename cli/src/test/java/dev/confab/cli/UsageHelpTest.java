package dev.confab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.cli.client.CliContext;
import dev.confab.cli.client.UsageLanguage;
import dev.confab.cli.testing.Cli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code --help} speaks the user's language: all of it in Chinese when the language is zh. */
class UsageHelpTest {
    @TempDir
    Path dir;

    @Test
    void everyTextOfEveryCommandHasAChineseVersion() {
        CommandLine english = new CommandLine(new ConfabCommand(CliContext.system()));
        CommandLine chinese = new CommandLine(new ConfabCommand(CliContext.system()));
        UsageLanguage.apply(chinese, CliContext.system(), new String[] {"--lang", "zh"});
        List<String> untranslated = new ArrayList<>();
        compare(english.getCommandSpec(), chinese.getCommandSpec(), untranslated);
        assertThat(untranslated).isEmpty();
    }

    @Test
    void aClientCommandsHelpIsChineseThroughout() {
        Cli.Result help = new Cli(dir, "http://127.0.0.1:1").run("send", "--help", "--lang", "zh");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("用法：", "发送一条消息；只有服务器确认后才以 0 退出。", "发给谁或发到哪里。",
                "显示此帮助并退出。", "提示信息的语言。");
        assertThat(help.out()).doesNotContain("Sends a message", "Show this help", "Language of messages", "Usage:");
        Cli.Result bench = new Cli(dir, "http://127.0.0.1:1").run("bench", "room", "--help", "--lang=zh");
        assertThat(bench.out()).contains("用法：", "K 个成员、S 个发送者的聊天室。").doesNotContain("Usage:", "Show this help");
    }

    @Test
    void theCommandListAndTheHelpCommandFollowTheLanguageFromTheEnvironment() {
        Cli.Result help = new Cli(dir, "http://127.0.0.1:1").with("CONFAB_LANG", "zh").run("--help");
        assertThat(help.out()).contains("Confab：自托管的实时消息系统。", "命令：", "运行 Confab 服务器。",
                "全屏终端聊天。", "客户端命令的退出码");
        assertThat(help.out()).doesNotContain("Runs a Confab server", "Exit codes");
        Cli.Result friends = new Cli(dir, "http://127.0.0.1:1").with("CONFAB_LANG", "zh").run("help", "friends");
        assertThat(friends.out()).contains("列出你的好友（含在线状态）", "接受 USER 的好友请求。");
    }

    @Test
    void englishStaysTheDefault() {
        Cli.Result help = new Cli(dir, "http://127.0.0.1:1").run("send", "--help");
        assertThat(help.out()).contains("Usage:", "Sends a message", "Show this help message and exit.");
        assertThat(help.out()).doesNotContain("用法");
    }

    /** Adds to {@code untranslated} every non-empty English text whose Chinese version is missing or English. */
    private static void compare(CommandSpec en, CommandSpec zh, List<String> untranslated) {
        String name = en.qualifiedName(".");
        check(name + " description", en.usageMessage().description(), zh.usageMessage().description(), untranslated);
        check(name + " header", en.usageMessage().header(), zh.usageMessage().header(), untranslated);
        check(name + " footer", en.usageMessage().footer(), zh.usageMessage().footer(), untranslated);
        List<ArgSpec> enArgs = en.args();
        List<ArgSpec> zhArgs = zh.args();
        for (int i = 0; i < enArgs.size(); i++) {
            check(name + " " + enArgs.get(i).paramLabel() + " " + enArgs.get(i).toString(), enArgs.get(i).description(),
                    zhArgs.get(i).description(), untranslated);
        }
        for (String sub : en.subcommands().keySet()) {
            CommandSpec enSub = en.subcommands().get(sub).getCommandSpec();
            if (enSub.parent() == en && enSub.name().equals(sub)) {
                compare(enSub, zh.subcommands().get(sub).getCommandSpec(), untranslated);
            }
        }
    }

    private static void check(String what, String[] en, String[] zh, List<String> untranslated) {
        String english = String.join(" ", en).strip();
        String chinese = String.join(" ", zh).strip();
        if (!english.isEmpty() && (chinese.equals(english) || chinese.codePoints().noneMatch(UsageHelpTest::isHan))) {
            untranslated.add(what + ": " + chinese);
        }
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
