package dev.confab.protocol.request;

/**
 * POST /api/v1/admin/bulk-accounts: provision {@code count} accounts named {@code <prefix><n>} for n = 0 to
 * count - 1, all with {@code password}, each with one session on the device {@code deviceName} names.
 */
public record BulkAccountsRequest(String prefix, Integer count, String password, String deviceName) {
}
