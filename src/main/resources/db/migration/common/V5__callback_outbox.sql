-- Callback notifications of evidences (docs/rest-api.md, Callbacks): one row per evidence and party to notify,
-- written in the transaction that saves the evidence, so that no evidence is saved without its notifications.
-- Portable SQL: runs unchanged on H2 (embedded default) and PostgreSQL (production).

-- next_attempt_at is absent until the first attempt failed: a new notification is due at once.
CREATE TABLE callback_outbox (
    notification_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    evidence_id     VARCHAR(36)   NOT NULL REFERENCES evidences (evidence_id),
    party_id        VARCHAR(64)   NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1024),
    UNIQUE (evidence_id, party_id)
);
-- The notifier takes the pending rows that are due, oldest first.
CREATE INDEX callback_outbox_due ON callback_outbox (state, next_attempt_at);
