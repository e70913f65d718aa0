-- A decision's market-regime label (trend, range, high_volatility, unknown) as a value. Decisions journaled before
-- this migration have NULL here and are read back as unknown.
ALTER TABLE decisions ADD COLUMN regime TEXT;
