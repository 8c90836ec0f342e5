-- Packages the gateway accepted, their timeline, and every evidence it signed for them.
-- Portable SQL: runs unchanged on H2 (embedded default) and PostgreSQL (production).

CREATE TABLE packages (
    package_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    package_sha256  CHAR(64)     NOT NULL,
    package_size    BIGINT       NOT NULL,
    manifest_sha256 CHAR(64)     NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    case_reference  VARCHAR(128) NOT NULL,
    submitter       VARCHAR(64)  NOT NULL,
    sender          VARCHAR(64)  NOT NULL,
    recipient       VARCHAR(64)  NOT NULL,
    status          VARCHAR(24)  NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    store_ref       VARCHAR(512) NOT NULL
);

CREATE TABLE package_events (
    event_id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    package_id VARCHAR(36)  NOT NULL REFERENCES packages (package_id),
    status     VARCHAR(24)  NOT NULL,
    event_time TIMESTAMP WITH TIME ZONE NOT NULL,
    detail     VARCHAR(1024)
);
CREATE INDEX package_events_by_package ON package_events (package_id, event_id);

-- Evidences of refused packages have no package row (package_id may be absent or unknown).
CREATE TABLE evidences (
    evidence_id    VARCHAR(36)  NOT NULL PRIMARY KEY,
    package_id     VARCHAR(36),
    evidence_type  VARCHAR(32)  NOT NULL,
    event_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    signed_base64  VARCHAR(32000) NOT NULL
);
CREATE INDEX evidences_by_package ON evidences (package_id, event_time);
