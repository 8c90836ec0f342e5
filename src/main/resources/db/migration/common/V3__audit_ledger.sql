-- The audit log becomes a verifiable log (docs/audit-log.md): entries, the hashes of every complete subtree of
-- their RFC 9162 Merkle tree, signed checkpoints and their RFC 3161 timestamps. Append-only: the code never
-- updates or deletes a row here (V4, per database, makes the database refuse it too).
-- Replaces the V2 tables: nothing was in production, and rows without leaf hashes could never be verified.
DROP TABLE audit_events;
DROP TABLE audit_sequence;

-- One row per entry; entry_json is the canonical JSON whose SHA-256(0x00 || bytes) is the leaf hash.
CREATE TABLE audit_entries (
    seq         BIGINT        NOT NULL PRIMARY KEY,
    event_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type  VARCHAR(40)   NOT NULL,
    package_id  VARCHAR(36),
    entry_json  VARCHAR(8000) NOT NULL
);
CREATE INDEX audit_entries_by_package ON audit_entries (package_id, seq);

-- Node (level, idx) covers leaves [idx * 2^level, (idx + 1) * 2^level); only complete subtrees are stored.
CREATE TABLE audit_nodes (
    level  SMALLINT NOT NULL,
    idx    BIGINT   NOT NULL,
    hash   CHAR(64) NOT NULL,
    PRIMARY KEY (level, idx)
);

-- Signed tree heads: the C2SP signed note as issued.
CREATE TABLE audit_checkpoints (
    tree_size  BIGINT        NOT NULL PRIMARY KEY,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    root_hash  CHAR(64)      NOT NULL,
    note       VARCHAR(4000) NOT NULL
);

-- The RFC 3161 TimeStampResp of a checkpoint's signed note; a checkpoint without a row here is pending.
CREATE TABLE audit_timestamps (
    tree_size        BIGINT         NOT NULL PRIMARY KEY REFERENCES audit_checkpoints (tree_size),
    obtained_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    tsa              VARCHAR(512)   NOT NULL,
    response_base64  VARCHAR(32000) NOT NULL
);

-- Appenders lock this one row (SELECT ... FOR UPDATE) so that sequence numbers have no gaps and no duplicates.
CREATE TABLE audit_append_lock (
    id INT NOT NULL PRIMARY KEY
);
INSERT INTO audit_append_lock (id) VALUES (1);
