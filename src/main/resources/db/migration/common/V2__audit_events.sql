-- The audit log: one row per state change, appended in the same transaction as the change it records.
-- Holds digests and metadata only, never evidence content. Rows are never updated or deleted.
CREATE TABLE audit_events (
    seq         BIGINT        NOT NULL PRIMARY KEY,
    event_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type  VARCHAR(40)   NOT NULL,
    package_id  VARCHAR(36),
    entry_json  VARCHAR(8000) NOT NULL
);
CREATE INDEX audit_events_by_package ON audit_events (package_id, seq);

-- The next sequence number. Incrementing this one row serializes appenders: each waits for the previous
-- append's transaction, then sees its increment, so numbers are gap-free (a rollback undoes its increment).
CREATE TABLE audit_sequence (
    next_seq BIGINT NOT NULL
);
INSERT INTO audit_sequence (next_seq) VALUES (0);
