-- H2 has no PL/pgSQL: Java triggers (org.evidencegateway.store.AppendOnlyTrigger) refuse UPDATE and DELETE on the
-- audit log's tables. They stop a stray statement, not whoever holds the database file (docs/audit-log.md §8).
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE, DELETE ON audit_entries
    FOR EACH ROW CALL 'org.evidencegateway.store.AppendOnlyTrigger';
CREATE TRIGGER audit_nodes_append_only BEFORE UPDATE, DELETE ON audit_nodes
    FOR EACH ROW CALL 'org.evidencegateway.store.AppendOnlyTrigger';
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE, DELETE ON audit_checkpoints
    FOR EACH ROW CALL 'org.evidencegateway.store.AppendOnlyTrigger';
CREATE TRIGGER audit_timestamps_append_only BEFORE UPDATE, DELETE ON audit_timestamps
    FOR EACH ROW CALL 'org.evidencegateway.store.AppendOnlyTrigger';
