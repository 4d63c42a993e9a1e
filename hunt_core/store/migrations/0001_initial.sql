-- The domain: people who hunt, their profile, target companies, contacts, touches and chats.
-- Every row carries an owner; the store scopes every query by it.
CREATE TABLE users (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE profiles (
    owner VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL DEFAULT '',
    program VARCHAR NOT NULL DEFAULT '',
    colleges VARCHAR[] NOT NULL DEFAULT [],
    home VARCHAR NOT NULL DEFAULT '',
    locations VARCHAR[] NOT NULL DEFAULT [],
    remote VARCHAR NOT NULL DEFAULT 'unknown',
    stack VARCHAR[] NOT NULL DEFAULT ['.NET', 'C#'],
    interests VARCHAR[] NOT NULL DEFAULT [],
    linkedin VARCHAR NOT NULL DEFAULT 'free',
    note_chars INTEGER,
    notes_per_month INTEGER,
    notes_uncapped BOOLEAN NOT NULL DEFAULT false
);

CREATE SEQUENCE company_ids START 1;
CREATE TABLE companies (
    id BIGINT PRIMARY KEY DEFAULT nextval('company_ids'),
    owner VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    name_key VARCHAR NOT NULL,
    website VARCHAR NOT NULL DEFAULT '',
    locations VARCHAR[] NOT NULL DEFAULT [],
    remote VARCHAR NOT NULL DEFAULT 'unknown',
    stack VARCHAR[] NOT NULL DEFAULT [],
    hires_no_degree VARCHAR NOT NULL DEFAULT 'unknown',
    alumni_hired INTEGER,
    open_roles VARCHAR[] NOT NULL DEFAULT [],
    interests VARCHAR[] NOT NULL DEFAULT [],
    uses_product VARCHAR NOT NULL DEFAULT 'unknown',
    knows_someone VARCHAR NOT NULL DEFAULT '',
    peers_know VARCHAR NOT NULL DEFAULT 'unknown',
    notes VARCHAR NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    UNIQUE (owner, name_key)
);

CREATE SEQUENCE contact_ids START 1;
CREATE TABLE contacts (
    id BIGINT PRIMARY KEY DEFAULT nextval('contact_ids'),
    owner VARCHAR NOT NULL,
    company_id BIGINT NOT NULL,
    name VARCHAR NOT NULL,
    name_key VARCHAR NOT NULL,
    role VARCHAR NOT NULL DEFAULT 'other',
    title VARCHAR NOT NULL DEFAULT '',
    email VARCHAR NOT NULL DEFAULT '',
    email_source VARCHAR NOT NULL DEFAULT '',
    linkedin VARCHAR NOT NULL DEFAULT '',
    github VARCHAR NOT NULL DEFAULT '',
    website VARCHAR NOT NULL DEFAULT '',
    college VARCHAR NOT NULL DEFAULT '',
    coding_school VARCHAR NOT NULL DEFAULT '',
    mutual VARCHAR NOT NULL DEFAULT '',
    friend BOOLEAN NOT NULL DEFAULT false,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    UNIQUE (owner, company_id, name_key)
);
CREATE INDEX contacts_by_company ON contacts (owner, company_id);

CREATE SEQUENCE touch_ids START 1;
CREATE TABLE touches (
    id BIGINT PRIMARY KEY DEFAULT nextval('touch_ids'),
    owner VARCHAR NOT NULL,
    contact_id BIGINT NOT NULL,
    kind VARCHAR NOT NULL,
    channel VARCHAR NOT NULL DEFAULT '',
    happened_at TIMESTAMP NOT NULL,
    text VARCHAR NOT NULL DEFAULT ''
);
CREATE INDEX touches_by_contact ON touches (owner, contact_id);

CREATE SEQUENCE chat_ids START 1;
CREATE TABLE chats (
    id BIGINT PRIMARY KEY DEFAULT nextval('chat_ids'),
    owner VARCHAR NOT NULL,
    contact_id BIGINT NOT NULL,
    scheduled_for TIMESTAMP,
    held_at TIMESTAMP,
    questions VARCHAR[] NOT NULL DEFAULT [],
    notes VARCHAR NOT NULL DEFAULT '',
    referral_offered BOOLEAN NOT NULL DEFAULT false,
    UNIQUE (owner, contact_id)
);
