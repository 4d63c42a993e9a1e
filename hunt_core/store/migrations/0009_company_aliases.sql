-- Other names of a target company the user confirmed ("Acme Platforms" is our "Acme"): a
-- LinkedIn connection links to a target only by its normalised name or one of these.
CREATE TABLE company_aliases (
    owner VARCHAR NOT NULL,
    company_id BIGINT NOT NULL,
    alias_key VARCHAR NOT NULL,       -- names.compact_key of the spelling
    alias VARCHAR NOT NULL,           -- the spelling as the user confirmed it
    PRIMARY KEY (owner, alias_key)
);
