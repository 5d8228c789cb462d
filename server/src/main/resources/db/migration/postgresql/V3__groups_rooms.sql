-- Groups and rooms: settings, counters and roles. alias_lower and title_lower are compared in code point
-- order (COLLATE "C", as SQLite's BINARY), so a prefix search is an index range scan on either.

ALTER TABLE conversations
    ADD COLUMN title              TEXT,
    ADD COLUMN title_lower        TEXT COLLATE "C",
    ADD COLUMN description        TEXT,
    ADD COLUMN avatar             TEXT,
    ADD COLUMN topic              TEXT,
    -- A room's public id, as given; alias_lower (unique) is its case-insensitive key. NULL otherwise.
    ADD COLUMN alias              TEXT,
    ADD COLUMN alias_lower        TEXT COLLATE "C",
    ADD COLUMN invite_policy      TEXT    NOT NULL DEFAULT 'ADMINS' CHECK (invite_policy IN ('ADMINS', 'MEMBERS')),
    ADD COLUMN history_visibility TEXT    NOT NULL DEFAULT 'ALL'
        CHECK (history_visibility IN ('ALL', 'FROM_JOIN', 'LAST_N')),
    ADD COLUMN history_last_n     INTEGER NOT NULL DEFAULT 0,
    -- The most members allowed, and how many there are (kept in step by every membership change).
    ADD COLUMN capacity           INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN member_count       INTEGER NOT NULL DEFAULT 0,
    -- The lowest seq still stored: 1 unless retention removed older messages.
    ADD COLUMN min_seq            BIGINT  NOT NULL DEFAULT 1,
    -- Set once a group or room is disbanded; it is read-only from then on.
    ADD COLUMN disbanded_at       BIGINT;
CREATE UNIQUE INDEX conversations_alias_lower_key ON conversations (alias_lower);
CREATE INDEX conversations_room_title_idx ON conversations (title_lower) WHERE kind = 'ROOM';

-- visible_from_seq is the first seq the member may read.
ALTER TABLE conversation_members
    ADD COLUMN role             TEXT   NOT NULL DEFAULT 'MEMBER' CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER')),
    ADD COLUMN visible_from_seq BIGINT NOT NULL DEFAULT 1;

UPDATE conversations
SET member_count = (SELECT COUNT(*) FROM conversation_members m WHERE m.conversation_id = conversations.id);
UPDATE conversations SET capacity = 2 WHERE kind = 'DIRECT';
