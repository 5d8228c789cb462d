package dev.confab.cli.peer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How payloads, times and round trips read on screen. Payloads are bytes: text only when they decode. */
final class ChatText {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private ChatText() {
    }

    /** The payload as one line of text when it is UTF-8 without control characters, else a size summary. */
    static String payload(byte[] payload, int maxChars) {
        if (payload.length == 0) {
            return "(empty)";
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return "(" + Traffic.bytes(payload.length) + " of binary data)";
        }
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
            return "(" + Traffic.bytes(payload.length) + " of binary data)";
        }
        text = text.replace('\t', ' ');
        return text.length() <= maxChars ? text : text.substring(0, Math.max(0, maxChars - 1)) + "…";
    }

    static String rtt(Duration rtt) {
        double ms = rtt.toNanos() / 1e6;
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }

    /** Status with its round trip or reason: "ACKED 0.42 ms", "FAILED: no ack after 8 retransmissions". */
    static String status(ChatEntry e) {
        return switch (e.status()) {
            case ACKED -> "ACKED " + rtt(e.rtt());
            case FAILED -> "FAILED: " + e.detail();
            default -> e.status().name();
        };
    }
}
