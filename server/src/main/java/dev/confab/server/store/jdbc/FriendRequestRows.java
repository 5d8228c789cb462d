package dev.confab.server.store.jdbc;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.contacts.FriendRequest;
import dev.confab.server.contacts.FriendRequestId;
import dev.confab.server.contacts.FriendRequestStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Selects and reads {@link FriendRequest} columns of the {@code friend_requests} table. */
final class FriendRequestRows {

    /** The select list, unqualified. */
    static final String COLUMNS =
            "id, from_id, to_id, message, status, withheld, created_at, updated_at, expires_at";

    /** Newest first: by creation time, then by id, which ties break in insertion order. */
    static final String NEWEST_FIRST = " ORDER BY created_at DESC, id DESC";

    private FriendRequestRows() {
    }

    static FriendRequest read(ResultSet row) throws SQLException {
        return new FriendRequest(new FriendRequestId(row.getLong("id")), new AccountId(row.getLong("from_id")),
                new AccountId(row.getLong("to_id")), row.getString("message"),
                FriendRequestStatus.valueOf(row.getString("status")), row.getBoolean("withheld"),
                Instant.ofEpochMilli(row.getLong("created_at")), Instant.ofEpochMilli(row.getLong("updated_at")),
                Instant.ofEpochMilli(row.getLong("expires_at")));
    }
}
