-- The schoolbesturen a client with `bestuur:read` reads the board monitor of.
CREATE TABLE client_schoolbesturen (
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    schoolbestuur_id TEXT NOT NULL REFERENCES schoolbesturen (id),
    PRIMARY KEY (client_id, schoolbestuur_id)
);
CREATE INDEX ix_client_schoolbesturen_bestuur ON client_schoolbesturen (schoolbestuur_id);
