-- A decision's reason as values: its code, the action a SKIP wanted, what kept an EXIT from reversing, the name of
-- the state, mode or pre-trade rule that refused, and its numbers as name=value pairs separated by ';'. The reason
-- column keeps the English as rendered when journaled. Decisions journaled before this migration have NULLs here
-- and are read from their text alone.
ALTER TABLE decisions ADD COLUMN reason_code TEXT;
ALTER TABLE decisions ADD COLUMN reason_wanted TEXT;
ALTER TABLE decisions ADD COLUMN reason_blocked_by TEXT;
ALTER TABLE decisions ADD COLUMN reason_subject TEXT;
ALTER TABLE decisions ADD COLUMN reason_numbers TEXT;
