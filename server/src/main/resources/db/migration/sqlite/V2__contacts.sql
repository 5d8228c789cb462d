-- Profiles, friends, friend requests, blocks and the per-account event log. Flags are INTEGER 0/1.

ALTER TABLE accounts ADD COLUMN avatar TEXT;
ALTER TABLE accounts ADD COLUMN findable_by_email INTEGER NOT NULL DEFAULT 1 CHECK (findable_by_email IN (0, 1));
ALTER TABLE accounts ADD COLUMN findable_by_phone INTEGER NOT NULL DEFAULT 1 CHECK (findable_by_phone IN (0, 1));
-- The seq of the account's newest event; incrementing it takes the account's next event seq.
ALTER TABLE accounts ADD COLUMN last_event_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX accounts_email_idx ON accounts (email);
CREATE INDEX accounts_phone_idx ON accounts (phone);

-- A withheld message was sent to someone who had blocked its sender: only the sender sees its content.
ALTER TABLE messages ADD COLUMN withheld INTEGER NOT NULL DEFAULT 0 CHECK (withheld IN (0, 1));

CREATE TABLE friend_requests (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    from_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    to_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    message    TEXT,
    status     TEXT    NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED')),
    withheld   INTEGER NOT NULL DEFAULT 0 CHECK (withheld IN (0, 1)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    CHECK (from_id <> to_id)
) STRICT;
CREATE INDEX friend_requests_to_status_idx ON friend_requests (to_id, status);
CREATE INDEX friend_requests_from_to_idx ON friend_requests (from_id, to_id);

-- One row per direction: (a, b) and (b, a), each with its owner's private remark.
CREATE TABLE friendships (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    friend_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remark     TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, friend_id),
    CHECK (account_id <> friend_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX friendships_friend_idx ON friendships (friend_id);

CREATE TABLE blocks (
    blocker_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    blocked_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id),
    CHECK (blocker_id <> blocked_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX blocks_blocked_idx ON blocks (blocked_id);

-- Per recipient, seq is gap-free and strictly increasing; data is the event's JSON.
CREATE TABLE account_events (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    type       TEXT    NOT NULL,
    data       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, seq)
) STRICT;
