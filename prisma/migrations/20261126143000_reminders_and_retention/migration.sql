-- Reminders to invited people who have not answered, and the retention job (docs/decisions/006).

-- Days after an invitation (and again after the first reminder) before an unanswered invitation is
-- followed up; null turns reminders off for the study. Existing studies get the default, 7 days.
ALTER TABLE "studies" ADD COLUMN "reminder_after_days" INTEGER DEFAULT 7;
ALTER TABLE "studies" ADD CONSTRAINT "studies_reminder_after_days_range"
    CHECK ("reminder_after_days" IS NULL OR "reminder_after_days" BETWEEN 1 AND 365);

-- New studies keep ineligible and withdrawn-with-removal records for a year unless the team chooses
-- otherwise. Existing studies are left as they are: a study with no period set keeps those records until
-- the team sets one, so this migration never starts deleting anything on its own.
ALTER TABLE "studies" ALTER COLUMN "retention_days" SET DEFAULT 365;
ALTER TABLE "studies" ADD CONSTRAINT "studies_retention_days_range"
    CHECK ("retention_days" IS NULL OR "retention_days" BETWEEN 1 AND 36500);

-- What the reminder job has done, on the invitation itself, so that two workers deciding at once agree
-- (a conditional UPDATE on reminders_sent) and no queue has to remember it.
ALTER TABLE "participations" ADD COLUMN "reminders_sent" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "participations" ADD COLUMN "last_reminder_at" TIMESTAMPTZ(3);
ALTER TABLE "participations" ADD CONSTRAINT "participations_reminders_sent_range"
    CHECK ("reminders_sent" BETWEEN 0 AND 2);

-- Asking to speak to the team is an answer of a kind: the team follows it up, so no reminder is sent
-- after it. Until now it was only in the audit trail; earlier requests are copied from there.
ALTER TABLE "participations" ADD COLUMN "questions_raised_at" TIMESTAMPTZ(3);
UPDATE "participations" AS p
SET "questions_raised_at" = q."at"
FROM (
    SELECT "subject_id", max("occurred_at") AS "at"
    FROM "audit_events"
    WHERE "action" = 'consent.questions_raised' AND "subject_type" = 'participation'
    GROUP BY "subject_id"
) AS q
WHERE q."subject_id" = p."id";

-- The reminder pass looks for open invitations only.
CREATE INDEX "participations_status_invited_at_idx" ON "participations"("status", "invited_at");
