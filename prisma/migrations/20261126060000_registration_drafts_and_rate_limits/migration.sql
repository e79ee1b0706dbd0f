-- Registration drafts: the answers of a registration in progress, found through a cookie holding a random
-- token (only its SHA-256 is stored). The draft keeps the submission key that makes the final submit
-- idempotent, and after submission points at the expression of interest for the confirmation page.
-- Answers are cleared on submission and expired drafts are deleted.
CREATE TABLE "registration_drafts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" CHAR(64) NOT NULL,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "submission_key" VARCHAR(64) NOT NULL,
    "honeypot_tripped" BOOLEAN NOT NULL DEFAULT false,
    "expression_of_interest_id" UUID,
    "submitted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "registration_drafts_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "registration_drafts_token_hash_key" ON "registration_drafts"("token_hash");
CREATE UNIQUE INDEX "registration_drafts_submission_key_key" ON "registration_drafts"("submission_key");
CREATE INDEX "registration_drafts_expires_at_idx" ON "registration_drafts"("expires_at");

ALTER TABLE "registration_drafts" ADD CONSTRAINT "registration_drafts_expression_of_interest_id_fkey" FOREIGN KEY ("expression_of_interest_id") REFERENCES "expressions_of_interest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Rate-limit counters shared by every instance of the portal, in the layout the rate-limiter-flexible
-- package expects (it is told the table exists, so it never creates tables itself).
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);
