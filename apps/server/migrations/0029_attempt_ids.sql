-- An attempt's row is recorded before the thing is tried, then counted (accounts/attempts.ts):
-- the id names it, to remove it when the attempt passes — a login whose password was right
-- counts no failure of its network.
ALTER TABLE attempts ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
