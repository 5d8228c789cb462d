package dev.confab.protocol.model;

import java.util.List;

/** Every member's receipt position in one conversation ("read by N" is the count at or past a seq). */
public record ReceiptList(List<ReceiptView> receipts) {
}
