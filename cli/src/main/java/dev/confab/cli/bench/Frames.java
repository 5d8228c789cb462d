package dev.confab.cli.bench;

/** The few client frames the bench writes, built without a mapper (they are on the measured path). */
final class Frames {
    private Frames() {
    }

    static String send(String id, long conversationId, String body) {
        return "{\"type\":\"send\",\"id\":\"" + id + "\",\"clientMessageId\":\"" + id + "\",\"conversationId\":"
                + conversationId + ",\"body\":\"" + body + "\"}";
    }

    static String sendTo(String id, String username, String body) {
        return "{\"type\":\"send\",\"id\":\"" + id + "\",\"clientMessageId\":\"" + id + "\",\"to\":\"" + username
                + "\",\"body\":\"" + body + "\"}";
    }

    static String sync(String id, long conversationId, long afterSeq, int limit) {
        return "{\"type\":\"sync\",\"id\":\"" + id + "\",\"conversationId\":" + conversationId + ",\"afterSeq\":" + afterSeq
                + ",\"limit\":" + limit + "}";
    }
}
