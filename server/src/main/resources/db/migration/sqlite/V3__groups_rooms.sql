-- Groups and rooms: settings, counters and roles. alias_lower and title_lower compare in code point order
-- (BINARY), so a prefix search is an index range scan on either.

ALTER TABLE conversations ADD COLUMN title TEXT;
ALTER TABLE conversations ADD COLUMN title_lower TEXT;
ALTER TABLE conversations ADD COLUMN description TEXT;
ALTER TABLE conversations ADD COLUMN avatar TEXT;
ALTER TABLE conversations ADD COLUMN topic TEXT;
-- A room's public id, as given; alias_lower (unique) is its case-insensitive key. NULL otherwise.
ALTER TABLE conversations ADD COLUMN alias TEXT;
ALTER TABLE conversations ADD COLUMN alias_lower TEXT;
ALTER TABLE conversations ADD COLUMN invite_policy TEXT NOT NULL DEFAULT 'ADMINS'
    CHECK (invite_policy IN ('ADMINS', 'MEMBERS'));
ALTER TABLE conversations ADD COLUMN history_visibility TEXT NOT NULL DEFAULT 'ALL'
    CHECK (history_visibility IN ('ALL', 'FROM_JOIN', 'LAST_N'));
ALTER TABLE conversations ADD COLUMN history_last_n INTEGER NOT NULL DEFAULT 0;
-- The most members allowed, and how many there are (kept in step by every membership change).
ALTER TABLE conversations ADD COLUMN capacity INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN member_count INTEGER NOT NULL DEFAULT 0;
-- The lowest seq still stored: 1 unless retention removed older messages.
ALTER TABLE conversations ADD COLUMN min_seq INTEGER NOT NULL DEFAULT 1;
-- Set once a group or room is disbanded; it is read-only from then on.
ALTER TABLE conversations ADD COLUMN disbanded_at INTEGER;
CREATE UNIQUE INDEX conversations_alias_lower_key ON conversations (alias_lower);
CREATE INDEX conversations_room_title_idx ON conversations (title_lower) WHERE kind = 'ROOM';

-- visible_from_seq is the first seq the member may read.
ALTER TABLE conversation_members ADD COLUMN role TEXT NOT NULL DEFAULT 'MEMBER'
    CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER'));
ALTER TABLE conversation_members ADD COLUMN visible_from_seq INTEGER NOT NULL DEFAULT 1;

UPDATE conversations
SET member_count = (SELECT COUNT(*) FROM conversation_members m WHERE m.conversation_id = conversations.id);
UPDATE conversations SET capacity = 2 WHERE kind = 'DIRECT';
