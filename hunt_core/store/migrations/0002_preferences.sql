-- Per-user preferences: criterion weights and snoozed next steps.
CREATE TABLE weights (
    owner VARCHAR NOT NULL,
    criterion VARCHAR NOT NULL,
    weight DOUBLE NOT NULL,
    PRIMARY KEY (owner, criterion)
);

CREATE TABLE snoozes (
    owner VARCHAR NOT NULL,
    step_key VARCHAR NOT NULL,
    until TIMESTAMP NOT NULL,
    PRIMARY KEY (owner, step_key)
);
