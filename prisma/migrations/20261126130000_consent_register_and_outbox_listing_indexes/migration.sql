-- The dashboard reads two tables in pages, by keyset: the consent register export in signing order, and
-- the email outbox newest first. Each needs an index in that order, ties broken by id.
CREATE INDEX "consent_records_signed_at_id_idx" ON "consent_records"("signed_at", "id");

CREATE INDEX "outgoing_emails_created_at_id_idx" ON "outgoing_emails"("created_at", "id");
