-- Per-conversation retention: keep at most N messages (0: no limit) and none older than the age (0: no limit).
ALTER TABLE conversations ADD COLUMN retention_max_messages BIGINT NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN retention_max_age_ms BIGINT NOT NULL DEFAULT 0;
