package dev.confab.client;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * Receives one WebSocket's events on the HTTP client's threads and hands them, as whole text frames,
 * to a {@link Handler} on the event thread. The next frame is requested only after the handler has
 * processed the previous one, so a slow application slows the socket down instead of piling frames up
 * in memory (the server then closes it as a slow consumer, and the client recovers by sync).
 */
final class SocketEvents implements WebSocket.Listener {

    /** Called on the event thread. */
    interface Handler {
        void opened(WebSocket socket);

        void text(String frame);

        void closed(int code, String reason);

        void failed(Throwable error);
    }

    private final EventThread thread;
    private final Handler handler;
    private final StringBuilder partial = new StringBuilder();

    SocketEvents(EventThread thread, Handler handler) {
        this.thread = thread;
        this.handler = handler;
    }

    @Override
    public void onOpen(WebSocket socket) {
        if (!thread.post(() -> handler.opened(socket))) {
            socket.abort();
            return;
        }
        socket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (!last) {
            socket.request(1);
            return null;
        }
        String frame = partial.toString();
        partial.setLength(0);
        boolean posted = thread.post(() -> {
            try {
                handler.text(frame);
            } finally {
                socket.request(1);
            }
        });
        if (!posted) {
            socket.abort();
        }
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        thread.post(() -> handler.closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        thread.post(() -> handler.failed(error));
    }
}
