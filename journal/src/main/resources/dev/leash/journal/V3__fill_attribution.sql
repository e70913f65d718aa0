-- Which parameter version a fill's P&L belongs to. params_version stays the version of the order that made the
-- fill (for a closing fill: the closing version); opened_by_version is the version that opened the position the
-- fill adds to or closes, and is credited with the fill's realized P&L and fee. position_after and
-- position_opened_by carry the symbol's position, as the journal counts it, from one fill to the next; closed_qty
-- is how much of the fill closed a position; seq is the order the journal learned of the fills in, which orders
-- fills of the same millisecond. Fills journaled before this migration have NULLs: they stay credited to the
-- version they were made under.
ALTER TABLE fills ADD COLUMN opened_by_version BIGINT;
ALTER TABLE fills ADD COLUMN closed_qty DOUBLE PRECISION;
ALTER TABLE fills ADD COLUMN position_after DOUBLE PRECISION;
ALTER TABLE fills ADD COLUMN position_opened_by BIGINT;
ALTER TABLE fills ADD COLUMN seq BIGINT;
CREATE INDEX fills_seq ON fills (seq);
CREATE INDEX fills_opened_by_version ON fills (opened_by_version);
