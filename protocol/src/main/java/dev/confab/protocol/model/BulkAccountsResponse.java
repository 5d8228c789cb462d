package dev.confab.protocol.model;

import java.util.List;

/** Answer to POST /api/v1/admin/bulk-accounts: the accounts in the order of their numbers. */
public record BulkAccountsResponse(List<ProvisionedAccount> accounts) {
}
