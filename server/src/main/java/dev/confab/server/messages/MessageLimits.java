package dev.confab.server.messages;

/**
 * @param maxBodyChars     longest message body, in Unicode code points
 * @param defaultPageSize  page size when a client asks for none
 * @param maxPageSize      largest page a client may ask for
 */
public record MessageLimits(int maxBodyChars, int defaultPageSize, int maxPageSize) {
}
