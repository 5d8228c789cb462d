package dev.confab.cli.bench;

import java.util.ArrayList;
import java.util.List;

/** The JVM options the {@code confab} launcher uses, so processes the bench starts run as a real server would. */
final class JvmOptions {
    private JvmOptions() {
    }

    /**
     * The command that runs {@code mainClass} with {@code args} in a new JVM like this one: the same
     * {@code java} and classpath, the launcher's options, then {@code extraOptions}.
     */
    static List<String> command(List<String> extraOptions, String mainClass, List<String> args) {
        List<String> command = likeTheLauncher(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(extraOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return command;
    }

    /** {@code java} followed by the launcher's options for this JDK. */
    static List<String> likeTheLauncher(String java) {
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            // Netty still uses sun.misc.Unsafe memory access; the launcher allows it on JDKs that warn.
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        return command;
    }
}
