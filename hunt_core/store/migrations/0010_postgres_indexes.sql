-- postgres only
-- Indexes for the queries PostgreSQL runs itself (backends.query). DuckDB scans its columns
-- faster than it keeps these up, so a file does without them.
-- The leaderboard: follow-ups and first messages per person, and each week's touches.
CREATE INDEX touches_by_kind ON touches (kind, contact_id, happened_at);
CREATE INDEX touches_by_time ON touches (happened_at, owner, kind);
-- Peer counts: the same company on classmates' lists.
CREATE INDEX companies_by_name ON companies (name_key, owner);
-- The roster of one cohort.
CREATE INDEX member_cohorts_by_cohort ON member_cohorts (cohort, owner);
