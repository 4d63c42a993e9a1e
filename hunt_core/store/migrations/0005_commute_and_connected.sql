-- The commuting radius that makes an office "in a location you're interested in", and whether a
-- person is already a first-degree LinkedIn connection (reached by message, not a connection note).
ALTER TABLE profiles ADD COLUMN commute_km INTEGER;
ALTER TABLE contacts ADD COLUMN connected BOOLEAN DEFAULT false;
