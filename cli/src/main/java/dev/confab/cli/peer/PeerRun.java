package dev.confab.cli.peer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One run of {@code confab peer}: starts the mode, feeds the user's lines to the chat until input ends
 * (then waits for acknowledgements and says goodbye) or the mode ends by itself, and says goodbye on
 * Ctrl-C too (from a shutdown hook).
 */
final class PeerRun {
    private final PeerView view;
    private final PeerSettings settings;
    private final UUID me;

    PeerRun(PeerView view, PeerSettings settings, UUID me) {
        this.view = view;
        this.settings = settings;
        this.me = me;
    }

    /** Returns the exit code: 0 done, 1 refused by the peer or could not start. */
    int run(Function<PeerChat, PeerMode> modes, byte[] file, Path fileName) throws IOException {
        try (PeerChat chat = new PeerChat(view, PeerClock.SYSTEM)) {
            PeerMode mode = modes.apply(chat);
            view.application("peer id " + me + (settings.name().isBlank() ? "" : ", name " + settings.name()));
            mode.start();
            Thread onCtrlC = new Thread(() -> {
                mode.close();
                view.close();
            }, "peer-shutdown");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            try {
                if (file != null) {
                    view.application("sending " + fileName + " (" + Traffic.bytes(file.length) + ") as one message");
                    chat.send(file);
                }
                CompletableFuture<Void> interrupted = new CompletableFuture<>();
                view.onInterrupt(() -> interrupted.complete(null));
                CompletableFuture<Void> inputEnded = readInput(chat);
                CompletableFuture.anyOf(inputEnded, mode.ended(), interrupted).join();
                if (interrupted.isDone()) {
                    mode.close();
                    return 130;
                }
                if (mode.ended().isDone()) {
                    return mode.ended().join();
                }
                view.application("input ended: waiting for acknowledgements, then closing");
                chat.drain(PeerCommand.DRAIN_LIMIT);
                mode.close();
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                mode.close();
                return 1;
            } finally {
                removeHook(onCtrlC);
            }
        }
    }

    /** Reads lines on a daemon thread (a blocked read of the terminal cannot be interrupted). */
    private CompletableFuture<Void> readInput(PeerChat chat) {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                byte[] line;
                while ((line = view.readLine()) != null) {
                    chat.send(line);
                }
            } catch (IOException e) {
                view.application("reading input failed: " + e.getMessage());
            }
            ended.complete(null);
        }, "peer-input");
        t.setDaemon(true);
        t.start();
        return ended;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down (Ctrl-C): the hook is running
        }
    }
}
