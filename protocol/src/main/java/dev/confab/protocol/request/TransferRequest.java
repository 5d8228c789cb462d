package dev.confab.protocol.request;

/** POST /api/v1/conversations/{id}/transfer: the member who becomes owner. */
public record TransferRequest(Long userId) {
}
