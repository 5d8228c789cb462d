-- Profiles, friends, friend requests, blocks and the per-account event log.

ALTER TABLE accounts
    ADD COLUMN avatar            TEXT,
    ADD COLUMN findable_by_email BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN findable_by_phone BOOLEAN NOT NULL DEFAULT TRUE,
    -- The seq of the account's newest event; incrementing it takes the account's next event seq.
    ADD COLUMN last_event_seq    BIGINT  NOT NULL DEFAULT 0;
CREATE INDEX accounts_email_idx ON accounts (email);
CREATE INDEX accounts_phone_idx ON accounts (phone);

-- A withheld message was sent to someone who had blocked its sender: only the sender sees its content.
ALTER TABLE messages ADD COLUMN withheld BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE friend_requests (
    id         BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_id    BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    to_id      BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    message    TEXT,
    status     TEXT    NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED')),
    withheld   BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL,
    CHECK (from_id <> to_id)
);
CREATE INDEX friend_requests_to_status_idx ON friend_requests (to_id, status);
CREATE INDEX friend_requests_from_to_idx ON friend_requests (from_id, to_id);

-- One row per direction: (a, b) and (b, a), each with its owner's private remark.
CREATE TABLE friendships (
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    friend_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remark     TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, friend_id),
    CHECK (account_id <> friend_id)
);
CREATE INDEX friendships_friend_idx ON friendships (friend_id);

CREATE TABLE blocks (
    blocker_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    blocked_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id),
    CHECK (blocker_id <> blocked_id)
);
CREATE INDEX blocks_blocked_idx ON blocks (blocked_id);

-- Per recipient, seq is gap-free and strictly increasing; data is the event's JSON.
CREATE TABLE account_events (
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    seq        BIGINT NOT NULL,
    type       TEXT   NOT NULL,
    data       TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, seq)
);
