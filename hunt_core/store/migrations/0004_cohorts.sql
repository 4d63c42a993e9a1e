-- Cohorts: the roster, sign-in identities, instructor comments and alumni placements.
CREATE TABLE members (
    owner VARCHAR PRIMARY KEY,        -- data owner key: the lowercased email when first added; fixed
    email VARCHAR NOT NULL UNIQUE,    -- lowercased; a first sign-in binds an identity by it
    name VARCHAR NOT NULL,
    role VARCHAR NOT NULL,            -- student | instructor | admin
    alias VARCHAR NOT NULL DEFAULT '',-- the name a student picks for leaderboards
    opt_out BOOLEAN NOT NULL DEFAULT false,
    active BOOLEAN NOT NULL DEFAULT true,  -- false: removed from the roster, data kept
    added_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- A student is in exactly one cohort, an instructor teaches one or more, an admin any.
CREATE TABLE member_cohorts (
    owner VARCHAR NOT NULL,
    cohort VARCHAR NOT NULL,
    PRIMARY KEY (owner, cohort)
);

-- OIDC sign-ins: (issuer, subject) -> owner, bound once by the verified email on the roster.
CREATE TABLE identities (
    issuer VARCHAR NOT NULL,
    subject VARCHAR NOT NULL,
    owner VARCHAR NOT NULL UNIQUE,    -- one sign-in identity per member
    email VARCHAR NOT NULL,           -- the verified email it was bound by
    bound_at TIMESTAMP NOT NULL,
    PRIMARY KEY (issuer, subject)
);

CREATE SEQUENCE comment_ids START 1;
CREATE TABLE comments (
    id BIGINT PRIMARY KEY DEFAULT nextval('comment_ids'),
    owner VARCHAR NOT NULL,           -- the student the comment is for
    author VARCHAR NOT NULL,          -- the instructor's owner key
    company_id BIGINT,                -- NULL: the whole list
    text VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    seen_at TIMESTAMP
);
CREATE INDEX comments_by_owner ON comments (owner);

-- Where grads of a program were hired: one row per placement.
CREATE TABLE placements (
    program VARCHAR NOT NULL,
    program_key VARCHAR NOT NULL,
    company VARCHAR NOT NULL,
    company_key VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    imported_by VARCHAR NOT NULL,
    imported_at TIMESTAMP NOT NULL
);
CREATE INDEX placements_by_program ON placements (program_key, company_key);
