-- Bring your own data: job-board postings per company, and LinkedIn connections.
CREATE SEQUENCE posting_ids START 1;
CREATE TABLE postings (
    id BIGINT PRIMARY KEY DEFAULT nextval('posting_ids'),
    owner VARCHAR NOT NULL,
    company_id BIGINT NOT NULL,
    source VARCHAR NOT NULL,          -- greenhouse | lever | ashby
    external_id VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    location VARCHAR NOT NULL DEFAULT '',
    remote BOOLEAN,                   -- NULL: the board did not say
    description VARCHAR NOT NULL DEFAULT '',
    url VARCHAR NOT NULL DEFAULT '',
    posted_at TIMESTAMP,
    fetched_at TIMESTAMP NOT NULL,
    UNIQUE (owner, company_id, source, external_id)
);
CREATE INDEX postings_by_company ON postings (owner, company_id);

CREATE SEQUENCE connection_ids START 1;
CREATE TABLE connections (
    id BIGINT PRIMARY KEY DEFAULT nextval('connection_ids'),
    owner VARCHAR NOT NULL,
    person_key VARCHAR NOT NULL,      -- the profile URL, else the name: re-imports match on it
    first_name VARCHAR NOT NULL DEFAULT '',
    last_name VARCHAR NOT NULL DEFAULT '',
    url VARCHAR NOT NULL DEFAULT '',
    email VARCHAR NOT NULL DEFAULT '',
    company VARCHAR NOT NULL DEFAULT '',
    position VARCHAR NOT NULL DEFAULT '',
    connected_on DATE,
    company_id BIGINT,                -- the target company this connection works at, if any
    UNIQUE (owner, person_key)
);
CREATE INDEX connections_by_company ON connections (owner, company_id);
