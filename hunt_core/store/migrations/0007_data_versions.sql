-- Per-owner data versions: every write transaction moves the version of each owner whose data
-- it changed, so a dashboard replica knows at its next rerun that its cached read is stale,
-- whichever replica (or CLI) wrote.
CREATE TABLE data_versions (
    owner VARCHAR PRIMARY KEY,
    version BIGINT NOT NULL
);
