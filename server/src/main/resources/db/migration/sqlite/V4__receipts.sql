-- Delivery receipts: the highest seq a member's client confirmed it received (read implies delivered).
ALTER TABLE conversation_members ADD COLUMN delivered_seq INTEGER NOT NULL DEFAULT 0;
UPDATE conversation_members SET delivered_seq = read_seq;
