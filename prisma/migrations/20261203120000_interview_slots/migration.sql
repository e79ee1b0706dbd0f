-- Interview slots the team publishes and participants book for themselves (issue 10; docs/decisions/008).

-- How long before an interview the person can still move or cancel it from their personal link; after
-- that they are told to contact the study team. Existing studies get the default, a day.
ALTER TABLE "studies" ADD COLUMN "interview_booking_cutoff_hours" INTEGER NOT NULL DEFAULT 24;
ALTER TABLE "studies" ADD CONSTRAINT "studies_interview_booking_cutoff_hours_range"
    CHECK ("interview_booking_cutoff_hours" BETWEEN 0 AND 336);

-- A time offered for an interview. A booked slot names its interview in booked_interview_id: one column
-- holds one interview, so a slot can never hold two, and the unique index stops one interview holding
-- two slots. Booking sets it under the slot's row lock; cancelling clears it (trigger below).
CREATE TABLE "interview_slots" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "study_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "interviewer_id" UUID,
    "meeting_link" VARCHAR(500) NOT NULL,
    "created_by_id" UUID,
    "booked_interview_id" UUID,
    "withdrawn_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "interview_slots_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "interview_slots_duration_minutes_range" CHECK ("duration_minutes" BETWEEN 5 AND 240),
    CONSTRAINT "interview_slots_meeting_link_https" CHECK ("meeting_link" LIKE 'https://%'),
    -- A withdrawn slot is not on offer, so it cannot be holding anyone's interview.
    CONSTRAINT "interview_slots_withdrawn_unbooked" CHECK ("withdrawn_at" IS NULL OR "booked_interview_id" IS NULL)
);

CREATE UNIQUE INDEX "interview_slots_booked_interview_id_key" ON "interview_slots"("booked_interview_id");
CREATE INDEX "interview_slots_study_id_starts_at_idx" ON "interview_slots"("study_id", "starts_at");
CREATE INDEX "interview_slots_interviewer_id_starts_at_idx" ON "interview_slots"("interviewer_id", "starts_at");

ALTER TABLE "interview_slots" ADD CONSTRAINT "interview_slots_study_id_fkey"
    FOREIGN KEY ("study_id") REFERENCES "studies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "interview_slots" ADD CONSTRAINT "interview_slots_interviewer_id_fkey"
    FOREIGN KEY ("interviewer_id") REFERENCES "researchers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "interview_slots" ADD CONSTRAINT "interview_slots_created_by_id_fkey"
    FOREIGN KEY ("created_by_id") REFERENCES "researchers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "interview_slots" ADD CONSTRAINT "interview_slots_booked_interview_id_fkey"
    FOREIGN KEY ("booked_interview_id") REFERENCES "interviews"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An interview cancelled by any path (the team, the person, withdrawal, erasure) or moved by the team to
-- a time that is not its slot's gives the slot back, so no path can leave a slot held by an interview
-- that will not happen there. A completed or missed interview keeps its slot, as the record of who had it.
CREATE FUNCTION free_interview_slot() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "interview_slots"
    SET "booked_interview_id" = NULL, "updated_at" = CURRENT_TIMESTAMP
    WHERE "booked_interview_id" = NEW."id"
      AND (NEW."status" = 'CANCELLED' OR "starts_at" <> NEW."starts_at");
    RETURN NULL;
END;
$$;

CREATE TRIGGER "interviews_free_slot"
    AFTER UPDATE OF "status", "starts_at" ON "interviews"
    FOR EACH ROW
    WHEN (NEW."status" IS DISTINCT FROM OLD."status" OR NEW."starts_at" IS DISTINCT FROM OLD."starts_at")
    EXECUTE FUNCTION free_interview_slot();
