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
 * A Confab server the bench starts in its own JVM (same classpath), so that its memory can be read
 * and its CPU is not mixed with the load generator's. Its log goes to {@code <dir>/server.log}.
 */
final class ServerChild implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("Confab server ready at (http://\\S+)");

    private final Process process;
    private final String url;

    private ServerChild(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static ServerChild start(Path dir, Map<String, String> settings, List<String> jvmOptions) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(JvmOptions.likeTheLauncher(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.confab.server.app.ServerMain"));
        settings.forEach((k, v) -> command.add(k + "=" + v));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Path log = dir.resolve("server.log");
        Thread.ofPlatform().daemon().start(() -> copyLog(process, log, ready));
        try {
            return new ServerChild(process, ready.get(120, TimeUnit.SECONDS));
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

    private static void copyLog(Process process, Path log, CompletableFuture<String> ready) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var out = java.nio.file.Files.newBufferedWriter(log)) {
            String line;
            while ((line = r.readLine()) != null) {
                out.write(line);
                out.newLine();
                Matcher m = READY.matcher(line);
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
