-- postgres only
-- The leaderboard's tallies on PostgreSQL, kept by triggers inside each writing transaction.
-- Counting 3,000,000 touches per board took PostgreSQL seconds (one core, no columnar scan);
-- these hold per-week counts, each person's first follow-up and each company's full role mix,
-- so a board reads a few thousand rows. A file counts its touches directly (DuckDB is fast
-- enough), and both read the same definitions (store/cohorts.py, tested to agree).
-- The tallies live in their own schema: derived data that backups leave out and rebuild.
-- Outreach kinds and the 14 days on time mirror models.OUTREACH_KINDS and cohort.ON_TIME_DAYS
-- (a test checks).
CREATE SCHEMA tally;

-- Touches per owner, kind and calendar week (from Monday, as cohort.window), and in all.
CREATE TABLE tally.touch_weeks (
    week DATE NOT NULL,
    owner VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (week, owner, kind)
);
CREATE TABLE tally.touch_totals (
    owner VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (owner, kind)
);
-- Each person's first follow-up, and whether it came within 14 days of their first message.
CREATE TABLE tally.follow_ups (
    contact_id BIGINT PRIMARY KEY,
    owner VARCHAR NOT NULL,
    first_at TIMESTAMP NOT NULL,
    on_time BOOLEAN NOT NULL
);
CREATE INDEX follow_ups_by_time ON tally.follow_ups (first_at);
-- Companies with a developer, a manager and a recruiter, and when the last of the three came.
CREATE TABLE tally.role_mixes (
    company_id BIGINT PRIMARY KEY,
    owner VARCHAR NOT NULL,
    complete_at TIMESTAMP NOT NULL
);
CREATE INDEX role_mixes_by_time ON tally.role_mixes (complete_at);

-- First follow-ups of the given people, recomputed from their touches. Writers of one person's
-- touches take turns on the person's row first, so each recount sees the other's committed
-- rows (READ COMMITTED: every statement of a volatile function reads afresh); the upsert and the
-- narrow delete never collide on the key with a concurrent recount.
CREATE FUNCTION tally.refresh_follow_ups(contact_ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
    SELECT count(*) FROM (
        SELECT 1 FROM contacts WHERE id = ANY(contact_ids) ORDER BY id FOR UPDATE) AS turn;
    DELETE FROM tally.follow_ups f WHERE f.contact_id = ANY(contact_ids) AND NOT EXISTS (
        SELECT 1 FROM touches t WHERE t.kind = 'follow-up' AND t.contact_id = f.contact_id);
    INSERT INTO tally.follow_ups (contact_id, owner, first_at, on_time)
    SELECT contact_id, owner, first_at,
        coalesce(first_at >= first_message AND first_at <= first_message + INTERVAL '14 days',
                 false)
    FROM (
        SELECT t.contact_id, min(t.owner) AS owner,
            min(t.happened_at) FILTER (WHERE t.kind = 'follow-up') AS first_at,
            min(t.happened_at) FILTER (WHERE t.kind <> 'follow-up') AS first_message
        FROM touches t JOIN unnest(contact_ids) AS p(id) ON t.contact_id = p.id
        WHERE t.kind IN ('follow-up', 'connection-request', 'email', 'message', 'slack')
        GROUP BY t.contact_id
    ) AS firsts
    WHERE first_at IS NOT NULL
    ON CONFLICT (contact_id) DO UPDATE
        SET owner = excluded.owner, first_at = excluded.first_at, on_time = excluded.on_time;
$$;

-- Full role mixes of the given companies, recomputed from their people (turns as above).
CREATE FUNCTION tally.refresh_role_mixes(company_ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
    SELECT count(*) FROM (
        SELECT 1 FROM companies WHERE id = ANY(company_ids) ORDER BY id FOR UPDATE) AS turn;
    WITH mixes AS (
        SELECT c.company_id, min(c.owner) AS owner,
            greatest(min(c.created_at) FILTER (WHERE c.role = 'developer'),
                     min(c.created_at) FILTER (WHERE c.role = 'manager'),
                     min(c.created_at) FILTER (WHERE c.role = 'recruiter')) AS complete_at
        FROM contacts c JOIN unnest(company_ids) AS k(id) ON c.company_id = k.id
        WHERE c.role IN ('developer', 'manager', 'recruiter')
        GROUP BY c.company_id
        HAVING count(DISTINCT c.role) = 3
    ), kept AS (
        INSERT INTO tally.role_mixes (company_id, owner, complete_at)
        SELECT company_id, owner, complete_at FROM mixes
        ON CONFLICT (company_id) DO UPDATE
            SET owner = excluded.owner, complete_at = excluded.complete_at
        RETURNING company_id
    )
    DELETE FROM tally.role_mixes WHERE company_id = ANY(company_ids)
        AND company_id NOT IN (SELECT company_id FROM kept);
$$;

-- Counts move by the rows a statement removed and added; first follow-ups are recomputed for
-- the people whose follow-ups or messages changed. (plpgsql plans each statement when it first
-- runs, so an INSERT trigger never touches old_rows.)
CREATE FUNCTION tally.touches_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    people BIGINT[] := '{}';
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE tally.touch_weeks w SET n = w.n - o.n
        FROM (SELECT date_trunc('week', happened_at)::date AS week, owner, kind, count(*) AS n
              FROM old_rows GROUP BY 1, 2, 3) o
        WHERE w.week = o.week AND w.owner = o.owner AND w.kind = o.kind;
        UPDATE tally.touch_totals w SET n = w.n - o.n
        FROM (SELECT owner, kind, count(*) AS n FROM old_rows GROUP BY 1, 2) o
        WHERE w.owner = o.owner AND w.kind = o.kind;
        DELETE FROM tally.touch_weeks w USING old_rows o
        WHERE w.n = 0 AND w.week = date_trunc('week', o.happened_at)::date
            AND w.owner = o.owner AND w.kind = o.kind;
        DELETE FROM tally.touch_totals w USING old_rows o
        WHERE w.n = 0 AND w.owner = o.owner AND w.kind = o.kind;
        SELECT people || coalesce(array_agg(DISTINCT contact_id), '{}') INTO people FROM old_rows;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO tally.touch_weeks (week, owner, kind, n)
        SELECT date_trunc('week', happened_at)::date, owner, kind, count(*)
        FROM new_rows GROUP BY 1, 2, 3
        ON CONFLICT (week, owner, kind) DO UPDATE SET n = tally.touch_weeks.n + excluded.n;
        INSERT INTO tally.touch_totals (owner, kind, n)
        SELECT owner, kind, count(*) FROM new_rows GROUP BY 1, 2
        ON CONFLICT (owner, kind) DO UPDATE SET n = tally.touch_totals.n + excluded.n;
        SELECT people || coalesce(array_agg(DISTINCT contact_id), '{}') INTO people FROM new_rows
        WHERE kind IN ('follow-up', 'connection-request', 'email', 'message', 'slack');
    END IF;
    PERFORM tally.refresh_follow_ups(people);
    RETURN NULL;
END;
$$;

CREATE FUNCTION tally.contacts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed BIGINT[] := '{}';
BEGIN
    IF TG_OP <> 'INSERT' THEN
        SELECT changed || coalesce(array_agg(DISTINCT company_id), '{}') INTO changed
        FROM old_rows;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        SELECT changed || coalesce(array_agg(DISTINCT company_id), '{}') INTO changed
        FROM new_rows;
    END IF;
    PERFORM tally.refresh_role_mixes(changed);
    RETURN NULL;
END;
$$;

CREATE FUNCTION tally.cleared() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'touches' THEN
        TRUNCATE tally.touch_weeks, tally.touch_totals, tally.follow_ups;
    ELSE
        TRUNCATE tally.role_mixes;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tally_insert AFTER INSERT ON touches REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tally.touches_changed();
CREATE TRIGGER tally_update AFTER UPDATE ON touches
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tally.touches_changed();
CREATE TRIGGER tally_delete AFTER DELETE ON touches REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tally.touches_changed();
CREATE TRIGGER tally_truncate AFTER TRUNCATE ON touches
    FOR EACH STATEMENT EXECUTE FUNCTION tally.cleared();
CREATE TRIGGER tally_insert AFTER INSERT ON contacts REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tally.contacts_changed();
CREATE TRIGGER tally_update AFTER UPDATE ON contacts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tally.contacts_changed();
CREATE TRIGGER tally_delete AFTER DELETE ON contacts REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tally.contacts_changed();
CREATE TRIGGER tally_truncate AFTER TRUNCATE ON contacts
    FOR EACH STATEMENT EXECUTE FUNCTION tally.cleared();

-- A database that already holds a hunt gets its tallies now.
INSERT INTO tally.touch_weeks (week, owner, kind, n)
SELECT date_trunc('week', happened_at)::date, owner, kind, count(*) FROM touches GROUP BY 1, 2, 3;
INSERT INTO tally.touch_totals (owner, kind, n)
SELECT owner, kind, count(*) FROM touches GROUP BY 1, 2;
SELECT tally.refresh_follow_ups(coalesce(array_agg(DISTINCT contact_id), '{}')) FROM touches;
SELECT tally.refresh_role_mixes(coalesce(array_agg(DISTINCT company_id), '{}')) FROM contacts;
