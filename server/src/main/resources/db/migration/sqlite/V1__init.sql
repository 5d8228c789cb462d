-- Times are epoch milliseconds (INTEGER) so that SQLite and PostgreSQL store and compare them alike.
-- AUTOINCREMENT keeps ids from being reused after deletes; clients hold on to them.

CREATE TABLE accounts (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    username       TEXT    NOT NULL,
    username_lower TEXT    NOT NULL,
    display_name   TEXT,
    email          TEXT,
    phone          TEXT,
    password_hash  TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    last_seen_at   INTEGER,
    CONSTRAINT accounts_username_lower_key UNIQUE (username_lower)
) STRICT;

CREATE TABLE sessions (
    id           TEXT    PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    device_id    TEXT    NOT NULL,
    device_name  TEXT,
    token_hash   BLOB    NOT NULL,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    CONSTRAINT sessions_token_hash_key UNIQUE (token_hash),
    CONSTRAINT sessions_account_device_key UNIQUE (account_id, device_id)
) STRICT;
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);
CREATE INDEX sessions_last_used_at_idx ON sessions (last_used_at);

CREATE TABLE conversations (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT    NOT NULL CHECK (kind IN ('DIRECT', 'GROUP', 'ROOM')),
    direct_key TEXT,
    last_seq   INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CONSTRAINT conversations_direct_key_key UNIQUE (direct_key)
) STRICT;

CREATE TABLE conversation_members (
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    read_seq        INTEGER NOT NULL DEFAULT 0,
    joined_at       INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, account_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX conversation_members_account_idx ON conversation_members (account_id);

CREATE TABLE messages (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id   INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    seq               INTEGER NOT NULL,
    sender_id         INTEGER NOT NULL REFERENCES accounts (id),
    sender_device_id  TEXT    NOT NULL,
    client_message_id TEXT    NOT NULL,
    content_type      TEXT    NOT NULL,
    body              TEXT    NOT NULL,
    sent_at           INTEGER NOT NULL,
    CONSTRAINT messages_conversation_seq_key UNIQUE (conversation_id, seq),
    CONSTRAINT messages_idempotency_key UNIQUE (sender_id, sender_device_id, client_message_id)
) STRICT;
