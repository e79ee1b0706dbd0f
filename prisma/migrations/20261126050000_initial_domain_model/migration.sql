-- The initial domain model: studies and their versioned documents, volunteers and participations,
-- assignment, consent evidence, withdrawal, participant links, researchers (with next-auth's tables),
-- the audit trail and the email outbox. Names follow Prisma's conventions so that `prisma migrate diff`
-- on a machine with the schema engine finds nothing to do.

-- CreateEnum
CREATE TYPE "study_status" AS ENUM ('DRAFT', 'RECRUITING', 'CLOSED');
CREATE TYPE "invitation_mode" AS ENUM ('AUTOMATIC', 'AFTER_TRIAGE');
CREATE TYPE "study_kind" AS ENUM ('INTERVIEW', 'WORKSHOP');
CREATE TYPE "participation_status" AS ENUM ('INTERESTED', 'INELIGIBLE', 'ELIGIBLE', 'INVITED', 'CONSENTED', 'DECLINED', 'SCHEDULED', 'COMPLETED', 'WITHDRAWN', 'WAITLISTED');
CREATE TYPE "eligibility_outcome" AS ENUM ('ELIGIBLE', 'INELIGIBLE');
CREATE TYPE "workshop_mode" AS ENUM ('ONLINE', 'IN_PERSON');
CREATE TYPE "booking_status" AS ENUM ('BOOKED', 'WAITLISTED', 'CANCELLED', 'ATTENDED', 'DID_NOT_ATTEND');
CREATE TYPE "interview_status" AS ENUM ('SCHEDULED', 'CANCELLED', 'COMPLETED', 'DID_NOT_ATTEND');
CREATE TYPE "withdrawal_method" AS ENUM ('SELF_SERVICE', 'RECORDED_BY_RESEARCHER');
CREATE TYPE "withdrawal_data_choice" AS ENUM ('KEEP', 'REMOVE');
CREATE TYPE "access_token_purpose" AS ENUM ('CONSENT', 'MANAGE_PARTICIPATION');
CREATE TYPE "researcher_role" AS ENUM ('ADMIN', 'RESEARCHER');
CREATE TYPE "actor_type" AS ENUM ('VOLUNTEER', 'PARTICIPANT', 'RESEARCHER', 'SYSTEM');
CREATE TYPE "email_status" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "studies" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" VARCHAR(64) NOT NULL,
    "kind" "study_kind" NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "short_title" VARCHAR(80) NOT NULL,
    "summary" TEXT NOT NULL,
    "what_taking_part_involves" TEXT NOT NULL,
    "ethics_committee" VARCHAR(200),
    "ethics_reference" VARCHAR(64),
    "status" "study_status" NOT NULL DEFAULT 'DRAFT',
    "target_min" INTEGER,
    "target_max" INTEGER,
    "invitation_mode" "invitation_mode" NOT NULL DEFAULT 'AFTER_TRIAGE',
    "consent_required" BOOLEAN NOT NULL DEFAULT true,
    "eligibility_rules" JSONB NOT NULL,
    "consideration_period_hours" INTEGER NOT NULL DEFAULT 0,
    "retention_days" INTEGER,
    "contact_name" VARCHAR(200) NOT NULL,
    "contact_email" VARCHAR(254) NOT NULL,
    "display_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "studies_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "studies_target_range_check" CHECK ("target_min" IS NULL OR "target_max" IS NULL OR "target_min" <= "target_max"),
    CONSTRAINT "studies_consideration_period_hours_check" CHECK ("consideration_period_hours" >= 0)
);

CREATE TABLE "information_sheets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "study_id" UUID NOT NULL,
    "version" VARCHAR(32) NOT NULL,
    "version_date" DATE NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "content" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "information_sheets_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "consent_forms" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "study_id" UUID NOT NULL,
    "information_sheet_id" UUID NOT NULL,
    "version" VARCHAR(32) NOT NULL,
    "version_date" DATE NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_forms_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "consent_statements" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "consent_form_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "text" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL,

    CONSTRAINT "consent_statements_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "volunteers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email_normalised" VARCHAR(254) NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "full_name" VARCHAR(200) NOT NULL,
    "phone" VARCHAR(40),
    "employer" VARCHAR(200),
    "staff_group" VARCHAR(80),
    "job_title" VARCHAR(200),
    "region" VARCHAR(80),
    "partnership_country" VARCHAR(100),
    "erased_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "volunteers_pkey" PRIMARY KEY ("id"),
    -- The application normalises; the database makes sure nothing else slips past it.
    CONSTRAINT "volunteers_email_normalised_check" CHECK ("email_normalised" = lower(btrim("email_normalised")))
);

CREATE TABLE "expressions_of_interest" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "volunteer_id" UUID NOT NULL,
    "answers" JSONB NOT NULL,
    "privacy_notice_version" VARCHAR(32) NOT NULL,
    "submission_key" VARCHAR(64) NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "expressions_of_interest_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "participations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "volunteer_id" UUID NOT NULL,
    "study_id" UUID NOT NULL,
    "status" "participation_status" NOT NULL DEFAULT 'INTERESTED',
    "eligibility" "eligibility_outcome" NOT NULL,
    "eligibility_reasons" JSONB NOT NULL DEFAULT '[]',
    "eligibility_override" "eligibility_outcome",
    "override_reason" TEXT,
    "overridden_by_id" UUID,
    "overridden_at" TIMESTAMPTZ(3),
    "information_sheet_sent_at" TIMESTAMPTZ(3),
    "invited_at" TIMESTAMPTZ(3),
    "consented_at" TIMESTAMPTZ(3),
    "reconsent_requested_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "withdrawn_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "participations_pkey" PRIMARY KEY ("id"),
    -- An override is only meaningful with the reason the researcher gave for it.
    CONSTRAINT "participations_override_reason_check" CHECK ("eligibility_override" IS NULL OR "override_reason" IS NOT NULL)
);

CREATE TABLE "workshop_sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "study_id" UUID NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "mode" "workshop_mode" NOT NULL,
    "location" VARCHAR(300),
    "online_link" VARCHAR(500),
    "region" VARCHAR(80),
    "capacity" INTEGER NOT NULL,
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "workshop_sessions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "workshop_sessions_time_check" CHECK ("ends_at" > "starts_at"),
    CONSTRAINT "workshop_sessions_capacity_check" CHECK ("capacity" > 0)
);

CREATE TABLE "workshop_bookings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workshop_session_id" UUID NOT NULL,
    "participation_id" UUID NOT NULL,
    "status" "booking_status" NOT NULL,
    "waitlisted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "workshop_bookings_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "interviews" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "participation_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "meeting_link" VARCHAR(500) NOT NULL,
    "status" "interview_status" NOT NULL DEFAULT 'SCHEDULED',
    "calendar_uid" VARCHAR(100) NOT NULL,
    "calendar_sequence" INTEGER NOT NULL DEFAULT 0,
    "scheduled_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "interviews_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "interviews_duration_minutes_check" CHECK ("duration_minutes" > 0)
);

CREATE TABLE "consent_records" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "participation_id" UUID NOT NULL,
    "consent_form_id" UUID NOT NULL,
    "information_sheet_id" UUID NOT NULL,
    "study_title" VARCHAR(200) NOT NULL,
    "ethics_reference" VARCHAR(64),
    "consent_form_version" VARCHAR(32) NOT NULL,
    "consent_form_version_date" DATE NOT NULL,
    "information_sheet_version" VARCHAR(32) NOT NULL,
    "information_sheet_version_date" DATE NOT NULL,
    "statements" JSONB NOT NULL,
    "signed_name" VARCHAR(200) NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL,
    "content_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_records_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "consent_countersignatures" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "consent_record_id" UUID NOT NULL,
    "researcher_id" UUID NOT NULL,
    "signed_name" VARCHAR(200) NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "consent_countersignatures_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "withdrawals" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "participation_id" UUID NOT NULL,
    "method" "withdrawal_method" NOT NULL,
    "channel" VARCHAR(40),
    "data_choice" "withdrawal_data_choice" NOT NULL,
    "reason" TEXT,
    "recorded_by_id" UUID,
    "withdrawn_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "withdrawals_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "withdrawals_recorded_by_check" CHECK ("method" = 'SELF_SERVICE' OR "recorded_by_id" IS NOT NULL)
);

CREATE TABLE "access_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" CHAR(64) NOT NULL,
    "purpose" "access_token_purpose" NOT NULL,
    "volunteer_id" UUID NOT NULL,
    "participation_id" UUID,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "access_tokens_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "access_tokens_consent_participation_check" CHECK ("purpose" <> 'CONSENT' OR "participation_id" IS NOT NULL)
);

CREATE TABLE "researchers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(200),
    "role" "researcher_role" NOT NULL DEFAULT 'RESEARCHER',
    "email_verified" TIMESTAMPTZ(3),
    "image" VARCHAR(500),
    "totp_secret" TEXT,
    "totp_enabled_at" TIMESTAMPTZ(3),
    "disabled_at" TIMESTAMPTZ(3),
    "last_signed_in_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "researchers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "researchers_email_check" CHECK ("email" = lower(btrim("email")))
);

CREATE TABLE "researcher_accounts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "researcher_id" UUID NOT NULL,
    "type" VARCHAR(40) NOT NULL,
    "provider" VARCHAR(100) NOT NULL,
    "provider_account_id" VARCHAR(255) NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" VARCHAR(40),
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "researcher_accounts_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "researcher_sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "session_token" VARCHAR(255) NOT NULL,
    "researcher_id" UUID NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL,
    "second_factor_at" TIMESTAMPTZ(3),
    "last_active_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "researcher_sessions_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "verification_tokens" (
    "identifier" VARCHAR(254) NOT NULL,
    "token" VARCHAR(255) NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL
);

CREATE TABLE "authenticators" (
    "credential_id" VARCHAR(512) NOT NULL,
    "researcher_id" UUID NOT NULL,
    "provider_account_id" VARCHAR(255) NOT NULL,
    "credential_public_key" TEXT NOT NULL,
    "counter" INTEGER NOT NULL,
    "credential_device_type" VARCHAR(32) NOT NULL,
    "credential_backed_up" BOOLEAN NOT NULL,
    "transports" VARCHAR(200),

    CONSTRAINT "authenticators_pkey" PRIMARY KEY ("researcher_id","credential_id")
);

CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" "actor_type" NOT NULL,
    "actor_id" UUID,
    "action" VARCHAR(80) NOT NULL,
    "subject_type" VARCHAR(40) NOT NULL,
    "subject_id" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "previous_hash" CHAR(64),
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "outgoing_emails" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "dedupe_key" VARCHAR(200) NOT NULL,
    "template" VARCHAR(64) NOT NULL,
    "to_address" VARCHAR(254) NOT NULL,
    "volunteer_id" UUID,
    "participation_id" UUID,
    "subject" VARCHAR(300) NOT NULL,
    "text_body" TEXT NOT NULL,
    "html_body" TEXT NOT NULL,
    "status" "email_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "provider_message_id" VARCHAR(300),
    "sent_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outgoing_emails_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "email_attachments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email_id" UUID NOT NULL,
    "filename" VARCHAR(200) NOT NULL,
    "content_type" VARCHAR(100) NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "email_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "studies_slug_key" ON "studies"("slug");
CREATE INDEX "information_sheets_study_id_published_at_idx" ON "information_sheets"("study_id", "published_at");
CREATE UNIQUE INDEX "information_sheets_study_id_version_key" ON "information_sheets"("study_id", "version");
CREATE INDEX "consent_forms_study_id_published_at_idx" ON "consent_forms"("study_id", "published_at");
CREATE UNIQUE INDEX "consent_forms_study_id_version_key" ON "consent_forms"("study_id", "version");
CREATE UNIQUE INDEX "consent_statements_consent_form_id_position_key" ON "consent_statements"("consent_form_id", "position");
CREATE UNIQUE INDEX "consent_statements_consent_form_id_key_key" ON "consent_statements"("consent_form_id", "key");
CREATE UNIQUE INDEX "volunteers_email_normalised_key" ON "volunteers"("email_normalised");
CREATE INDEX "volunteers_created_at_idx" ON "volunteers"("created_at");
CREATE INDEX "volunteers_staff_group_idx" ON "volunteers"("staff_group");
CREATE INDEX "volunteers_region_idx" ON "volunteers"("region");
CREATE INDEX "volunteers_partnership_country_idx" ON "volunteers"("partnership_country");
CREATE UNIQUE INDEX "expressions_of_interest_submission_key_key" ON "expressions_of_interest"("submission_key");
CREATE INDEX "expressions_of_interest_volunteer_id_submitted_at_idx" ON "expressions_of_interest"("volunteer_id", "submitted_at");
CREATE INDEX "participations_study_id_status_idx" ON "participations"("study_id", "status");
CREATE UNIQUE INDEX "participations_volunteer_id_study_id_key" ON "participations"("volunteer_id", "study_id");
CREATE INDEX "workshop_sessions_study_id_starts_at_idx" ON "workshop_sessions"("study_id", "starts_at");
CREATE INDEX "workshop_bookings_workshop_session_id_status_idx" ON "workshop_bookings"("workshop_session_id", "status");
CREATE INDEX "workshop_bookings_participation_id_idx" ON "workshop_bookings"("participation_id");
CREATE UNIQUE INDEX "workshop_bookings_workshop_session_id_participation_id_key" ON "workshop_bookings"("workshop_session_id", "participation_id");
CREATE UNIQUE INDEX "interviews_calendar_uid_key" ON "interviews"("calendar_uid");
CREATE INDEX "interviews_participation_id_idx" ON "interviews"("participation_id");
CREATE INDEX "interviews_starts_at_idx" ON "interviews"("starts_at");
CREATE UNIQUE INDEX "consent_records_content_hash_key" ON "consent_records"("content_hash");
CREATE UNIQUE INDEX "consent_records_participation_id_consent_form_id_key" ON "consent_records"("participation_id", "consent_form_id");
CREATE UNIQUE INDEX "consent_countersignatures_consent_record_id_key" ON "consent_countersignatures"("consent_record_id");
CREATE INDEX "withdrawals_participation_id_idx" ON "withdrawals"("participation_id");
CREATE UNIQUE INDEX "access_tokens_token_hash_key" ON "access_tokens"("token_hash");
CREATE INDEX "access_tokens_volunteer_id_purpose_idx" ON "access_tokens"("volunteer_id", "purpose");
CREATE INDEX "access_tokens_participation_id_purpose_idx" ON "access_tokens"("participation_id", "purpose");
CREATE UNIQUE INDEX "researchers_email_key" ON "researchers"("email");
CREATE INDEX "researcher_accounts_researcher_id_idx" ON "researcher_accounts"("researcher_id");
CREATE UNIQUE INDEX "researcher_accounts_provider_provider_account_id_key" ON "researcher_accounts"("provider", "provider_account_id");
CREATE UNIQUE INDEX "researcher_sessions_session_token_key" ON "researcher_sessions"("session_token");
CREATE INDEX "researcher_sessions_researcher_id_idx" ON "researcher_sessions"("researcher_id");
CREATE UNIQUE INDEX "verification_tokens_token_key" ON "verification_tokens"("token");
CREATE UNIQUE INDEX "verification_tokens_identifier_token_key" ON "verification_tokens"("identifier", "token");
CREATE UNIQUE INDEX "authenticators_credential_id_key" ON "authenticators"("credential_id");
CREATE UNIQUE INDEX "audit_events_hash_key" ON "audit_events"("hash");
CREATE INDEX "audit_events_subject_type_subject_id_idx" ON "audit_events"("subject_type", "subject_id");
CREATE INDEX "audit_events_occurred_at_idx" ON "audit_events"("occurred_at");
CREATE INDEX "audit_events_action_idx" ON "audit_events"("action");
CREATE UNIQUE INDEX "outgoing_emails_dedupe_key_key" ON "outgoing_emails"("dedupe_key");
CREATE INDEX "outgoing_emails_status_next_attempt_at_idx" ON "outgoing_emails"("status", "next_attempt_at");
CREATE INDEX "outgoing_emails_volunteer_id_idx" ON "outgoing_emails"("volunteer_id");
CREATE INDEX "outgoing_emails_participation_id_idx" ON "outgoing_emails"("participation_id");
CREATE INDEX "email_attachments_email_id_idx" ON "email_attachments"("email_id");

-- AddForeignKey
ALTER TABLE "information_sheets" ADD CONSTRAINT "information_sheets_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "studies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "consent_forms" ADD CONSTRAINT "consent_forms_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "studies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "consent_forms" ADD CONSTRAINT "consent_forms_information_sheet_id_fkey" FOREIGN KEY ("information_sheet_id") REFERENCES "information_sheets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "consent_statements" ADD CONSTRAINT "consent_statements_consent_form_id_fkey" FOREIGN KEY ("consent_form_id") REFERENCES "consent_forms"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "expressions_of_interest" ADD CONSTRAINT "expressions_of_interest_volunteer_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "participations" ADD CONSTRAINT "participations_volunteer_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "participations" ADD CONSTRAINT "participations_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "studies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "participations" ADD CONSTRAINT "participations_overridden_by_id_fkey" FOREIGN KEY ("overridden_by_id") REFERENCES "researchers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "workshop_sessions" ADD CONSTRAINT "workshop_sessions_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "studies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "workshop_bookings" ADD CONSTRAINT "workshop_bookings_workshop_session_id_fkey" FOREIGN KEY ("workshop_session_id") REFERENCES "workshop_sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "workshop_bookings" ADD CONSTRAINT "workshop_bookings_participation_id_fkey" FOREIGN KEY ("participation_id") REFERENCES "participations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_participation_id_fkey" FOREIGN KEY ("participation_id") REFERENCES "participations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_scheduled_by_id_fkey" FOREIGN KEY ("scheduled_by_id") REFERENCES "researchers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_participation_id_fkey" FOREIGN KEY ("participation_id") REFERENCES "participations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_consent_form_id_fkey" FOREIGN KEY ("consent_form_id") REFERENCES "consent_forms"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_information_sheet_id_fkey" FOREIGN KEY ("information_sheet_id") REFERENCES "information_sheets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "consent_countersignatures" ADD CONSTRAINT "consent_countersignatures_consent_record_id_fkey" FOREIGN KEY ("consent_record_id") REFERENCES "consent_records"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "consent_countersignatures" ADD CONSTRAINT "consent_countersignatures_researcher_id_fkey" FOREIGN KEY ("researcher_id") REFERENCES "researchers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "withdrawals" ADD CONSTRAINT "withdrawals_participation_id_fkey" FOREIGN KEY ("participation_id") REFERENCES "participations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "withdrawals" ADD CONSTRAINT "withdrawals_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "researchers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "access_tokens" ADD CONSTRAINT "access_tokens_volunteer_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "access_tokens" ADD CONSTRAINT "access_tokens_participation_id_fkey" FOREIGN KEY ("participation_id") REFERENCES "participations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "researcher_accounts" ADD CONSTRAINT "researcher_accounts_researcher_id_fkey" FOREIGN KEY ("researcher_id") REFERENCES "researchers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "researcher_sessions" ADD CONSTRAINT "researcher_sessions_researcher_id_fkey" FOREIGN KEY ("researcher_id") REFERENCES "researchers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "authenticators" ADD CONSTRAINT "authenticators_researcher_id_fkey" FOREIGN KEY ("researcher_id") REFERENCES "researchers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "outgoing_emails" ADD CONSTRAINT "outgoing_emails_volunteer_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "email_attachments" ADD CONSTRAINT "email_attachments_email_id_fkey" FOREIGN KEY ("email_id") REFERENCES "outgoing_emails"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Consent evidence and the audit trail are append-only. Rows may be inserted, never changed or
-- deleted; corrections are new rows. (TRUNCATE, which only the database owner can run, is left to
-- backups and test resets.)
CREATE FUNCTION "refuse_change_to_append_only_table"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % is not allowed: this table is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "consent_records_append_only"
    BEFORE UPDATE OR DELETE ON "consent_records"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_append_only_table"();

CREATE TRIGGER "audit_events_append_only"
    BEFORE UPDATE OR DELETE ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_append_only_table"();
