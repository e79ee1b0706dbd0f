-- Search in the study team's volunteers list (name or email, any part, any case).
--
-- `ILIKE '%part%'` cannot use a B-tree index; a trigram GIN index serves it (pg_trgm folds case when it
-- extracts trigrams, so one index on the stored column answers case-insensitive searches). pg_trgm ships
-- with PostgreSQL and is a trusted extension: the database owner can create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "volunteers_full_name_idx" ON "volunteers" USING GIN ("full_name" gin_trgm_ops);
CREATE INDEX "volunteers_email_normalised_idx" ON "volunteers" USING GIN ("email_normalised" gin_trgm_ops);
