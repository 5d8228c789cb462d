package dev.confab.protocol.request;

/** PUT /api/v1/friends/{userId}/remark: the caller's private name for a friend; null or empty clears it. */
public record RemarkRequest(String remark) {
}
