package dev.confab.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server the bench starts in its own JVM (same classpath, the launcher's JVM options): a Confab
 * node or the bare relay. In its own process its memory can be read, its CPU is not mixed with the
 * load generator's, and its sockets do not count against the load generator's open-file limit. Its
 * output goes to {@code <dir>/server.log}; it is ready once a line matches the given pattern, whose
 * first group is its URL.
 */
final class ChildJvm implements AutoCloseable {
    private static final Pattern CONFAB_READY = Pattern.compile("Confab server ready at (http://\\S+)");

    private final Process process;
    private final String url;

    private ChildJvm(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** A Confab node with these settings. */
    static ChildJvm confab(Path dir, Map<String, String> settings, List<String> jvmOptions) throws Exception {
        List<String> args = new ArrayList<>();
        settings.forEach((k, v) -> args.add(k + "=" + v));
        return start(dir, "dev.confab.server.app.ServerMain", args, jvmOptions, CONFAB_READY);
    }

    /** The bare relay ({@link BareRelay#main}). */
    static ChildJvm relay(Path dir) throws Exception {
        return start(dir, BareRelay.class.getName(), List.of(), List.of(), BareRelay.READY);
    }

    private static ChildJvm start(Path dir, String mainClass, List<String> args, List<String> jvmOptions,
                                  Pattern readyLine) throws Exception {
        Process process = new ProcessBuilder(JvmOptions.command(jvmOptions, mainClass, args))
                .redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Path log = dir.resolve("server.log");
        Thread.ofPlatform().daemon().start(() -> copyLog(process, log, readyLine, ready));
        try {
            return new ChildJvm(process, ready.get(120, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not start; see " + log, e);
        }
    }

    String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    private static void copyLog(Process process, Path log, Pattern readyLine, CompletableFuture<String> ready) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var out = java.nio.file.Files.newBufferedWriter(log)) {
            String line;
            while ((line = r.readLine()) != null) {
                out.write(line);
                out.newLine();
                Matcher m = readyLine.matcher(line);
                if (m.find()) {
                    out.flush();
                    ready.complete(m.group(1));
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("server exited"));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
