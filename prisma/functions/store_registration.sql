-- store_registration(jsonb): the registration write, in one call and one transaction
-- (docs/decisions/003-registration-write-in-one-database-call.md). lib/registration/register-interest.ts
-- decides eligibility and renders the emails, then calls this with the result.
--
-- This file is the function's one source: change it here, never in a migration. lib/db/migrate.ts applies
-- it after the migrations, under the same lock, and again whenever the file changes (its checksum is kept
-- in "_database_functions"). The earlier versions in migrations 20261126070000 and 20261126080000 are
-- history, replaced by this one on every database. CREATE OR REPLACE cannot change the parameters or the
-- result type: a change to those needs a DROP FUNCTION here first.

CREATE OR REPLACE FUNCTION "store_registration"("p" JSONB) RETURNS JSONB LANGUAGE plpgsql AS $$
DECLARE
    draft RECORD;
    v_submission_key TEXT := p->>'submissionKey';
    v_email_key TEXT := p->>'emailNormalised';
    v_volunteer_id UUID;
    v_was_new BOOLEAN;
    v_expression_id UUID;
    v_participation_ids JSONB := '[]'::jsonb;
    item JSONB;
    v_participation_id UUID;
    v_status TEXT;
    v_invitation JSONB;
    v_token_id UUID;
    v_consent_form_id UUID;
    v_codes TEXT[];
    v_all BOOLEAN;
BEGIN
    IF p->>'draftId' IS NOT NULL THEN
        -- Row lock: of two submits of one draft, the second waits, then finds it submitted.
        SELECT "submitted_at", "honeypot_tripped", "submission_key" INTO draft
        FROM "registration_drafts" WHERE "id" = (p->>'draftId')::uuid FOR UPDATE;
        IF NOT FOUND OR draft.submitted_at IS NOT NULL THEN
            RETURN jsonb_build_object('kind', 'already-submitted');
        END IF;
        IF draft.honeypot_tripped THEN
            UPDATE "registration_drafts" SET "answers" = '{"outcomes": []}', "submitted_at" = now(), "updated_at" = now()
            WHERE "id" = (p->>'draftId')::uuid;
            RETURN jsonb_build_object('kind', 'discarded');
        END IF;
        v_submission_key := draft.submission_key;
    END IF;

    -- Registrations of one person are serialised; everyone else's run side by side.
    PERFORM pg_advisory_xact_lock(hashtext('volunteer:' || v_email_key));

    SELECT e."id", e."volunteer_id" INTO v_expression_id, v_volunteer_id
    FROM "expressions_of_interest" e WHERE e."submission_key" = v_submission_key;
    IF FOUND THEN
        RETURN jsonb_build_object('kind', 'already-submitted', 'volunteerId', v_volunteer_id, 'expressionOfInterestId', v_expression_id);
    END IF;

    -- screening_answers: the person's latest answer to every screening question. The questions asked now
    -- (p->'screeningCodes') replace earlier answers to them, blank ones included; answers to other sets'
    -- questions stay. The profile columns follow the answers with their codes, when those were asked.
    -- (A caller from before question sets names no codes: its answers replace the columns, as before.)
    v_codes := coalesce(ARRAY(SELECT jsonb_array_elements_text(p->'screeningCodes')), ARRAY[]::text[]);
    v_all := NOT (p ? 'screeningCodes');
    INSERT INTO "volunteers" AS v ("email_normalised", "email", "full_name", "phone", "employer", "staff_group",
                                   "job_title", "region", "partnership_country", "screening_answers", "updated_at")
    VALUES (v_email_key, p#>>'{volunteer,email}', p#>>'{volunteer,fullName}', p#>>'{volunteer,phone}',
            p#>>'{volunteer,employer}', p#>>'{volunteer,staffGroup}', p#>>'{volunteer,jobTitle}',
            p#>>'{volunteer,region}', p#>>'{volunteer,partnershipCountry}',
            coalesce(p->'screeningAnswers', '{}'::jsonb), now())
    ON CONFLICT ("email_normalised") DO UPDATE SET
        "email" = EXCLUDED."email", "full_name" = EXCLUDED."full_name", "phone" = EXCLUDED."phone",
        "employer" = CASE WHEN v_all OR 'employer' = ANY(v_codes) THEN EXCLUDED."employer" ELSE v."employer" END,
        "staff_group" = CASE WHEN v_all OR 'staffGroup' = ANY(v_codes) THEN EXCLUDED."staff_group" ELSE v."staff_group" END,
        "job_title" = CASE WHEN v_all OR 'jobTitle' = ANY(v_codes) THEN EXCLUDED."job_title" ELSE v."job_title" END,
        "region" = CASE WHEN v_all OR 'region' = ANY(v_codes) THEN EXCLUDED."region" ELSE v."region" END,
        "partnership_country" = CASE WHEN v_all OR 'partnershipCountry' = ANY(v_codes)
                                     THEN EXCLUDED."partnership_country" ELSE v."partnership_country" END,
        "screening_answers" = CASE WHEN v."erased_at" IS NOT NULL THEN '{}'::jsonb
                                   ELSE v."screening_answers" - v_codes END || EXCLUDED."screening_answers",
        "erased_at" = NULL, "updated_at" = now()
    RETURNING v."id", (v.xmax = 0) INTO v_volunteer_id, v_was_new;

    INSERT INTO "expressions_of_interest" ("volunteer_id", "answers", "privacy_notice_version", "submission_key")
    VALUES (v_volunteer_id, p->'answers', p->>'privacyNoticeVersion', v_submission_key)
    RETURNING "id" INTO v_expression_id;

    -- The question set versions this submission answered, so its exact wording is the one they point at.
    INSERT INTO "expression_of_interest_versions" ("expression_of_interest_id", "question_set_version_id")
    SELECT v_expression_id, (x #>> '{}')::uuid
    FROM jsonb_array_elements(coalesce(p->'questionSetVersionIds', '[]'::jsonb)) x
    ON CONFLICT DO NOTHING;

    FOR item IN SELECT * FROM jsonb_array_elements(p->'participations') LOOP
        INSERT INTO "participations" AS pa ("volunteer_id", "study_id", "status", "eligibility", "eligibility_reasons",
                                            "eligibility_rules_version_id", "updated_at")
        VALUES (v_volunteer_id, (item->>'studyId')::uuid, (item->>'eligibility')::participation_status,
                (item->>'eligibility')::eligibility_outcome, item->'reasons', (item->>'rulesVersionId')::uuid, now())
        ON CONFLICT ("volunteer_id", "study_id") DO UPDATE SET
            "eligibility" = EXCLUDED."eligibility",
            "eligibility_reasons" = EXCLUDED."eligibility_reasons",
            -- The rule version that decided this outcome (null from a caller that names none).
            "eligibility_rules_version_id" = EXCLUDED."eligibility_rules_version_id",
            -- Only statuses that reflect the answers follow them; the team's decisions (invited,
            -- consented...) and overrides stay as they are.
            "status" = CASE WHEN pa."status" IN ('INTERESTED', 'ELIGIBLE', 'INELIGIBLE') AND pa."eligibility_override" IS NULL
                            THEN EXCLUDED."status" ELSE pa."status" END,
            "updated_at" = now()
        RETURNING pa."id", pa."status"::text INTO v_participation_id, v_status;
        v_participation_ids := v_participation_ids || jsonb_build_object(
            'studyId', item->>'studyId', 'participationId', v_participation_id, 'eligible', item->>'eligibility' = 'ELIGIBLE');

        -- Studies that invite automatically: an eligible person who has not been invited yet is invited
        -- now. Anyone further along (a repeat registration) is left as they are.
        v_invitation := (SELECT i FROM jsonb_array_elements(p->'invitations') i WHERE i->>'studyId' = item->>'studyId');
        -- The rule inviteParticipantInTransaction (lib/participation/invite-participant.ts) applies: the
        -- invitation links to signing the study's current published consent form, so there must be one,
        -- and the study must be recruiting. The email was written for one form: if another has been
        -- published since, no invitation goes out and the person stays eligible for the team to invite.
        -- An instance still on the previous release (during a rolling upgrade) names no form; its email
        -- was written for the current one.
        v_consent_form_id := NULL;
        IF v_invitation IS NOT NULL AND v_status = 'ELIGIBLE' THEN
            SELECT f."id" INTO v_consent_form_id
            FROM "consent_forms" f JOIN "studies" s ON s."id" = f."study_id"
            WHERE f."study_id" = (item->>'studyId')::uuid AND f."published_at" IS NOT NULL AND s."status" = 'RECRUITING'
            ORDER BY f."published_at" DESC LIMIT 1;
        END IF;
        IF v_consent_form_id IS NOT NULL
           AND v_consent_form_id = coalesce((v_invitation->>'consentFormId')::uuid, v_consent_form_id) THEN
            -- As issueConsentLinks does: only the newest link works.
            UPDATE "access_tokens" SET "revoked_at" = now()
            WHERE "participation_id" = v_participation_id AND "purpose" = 'CONSENT'
              AND "revoked_at" IS NULL AND "used_at" IS NULL;
            INSERT INTO "access_tokens" ("token_hash", "purpose", "volunteer_id", "participation_id", "expires_at")
            VALUES (v_invitation->>'tokenHash', 'CONSENT', v_volunteer_id, v_participation_id, (v_invitation->>'expiresAt')::timestamptz)
            RETURNING "id" INTO v_token_id;
            UPDATE "participations" SET "status" = 'INVITED', "invited_at" = now(),
                "information_sheet_sent_at" = coalesce("information_sheet_sent_at", now()), "updated_at" = now()
            WHERE "id" = v_participation_id;
            INSERT INTO "outgoing_emails" ("dedupe_key", "template", "to_address", "volunteer_id", "participation_id",
                                           "subject", "text_body", "html_body", "updated_at")
            VALUES ('invitation:' || v_token_id, 'invitation', p#>>'{email,to}', v_volunteer_id, v_participation_id,
                    v_invitation#>>'{email,subject}', v_invitation#>>'{email,text}', v_invitation#>>'{email,html}', now());
            INSERT INTO "audit_events" ("actor_type", "action", "subject_type", "subject_id", "data")
            VALUES ('SYSTEM', 'participation.invited', 'participation', v_participation_id,
                    jsonb_build_object('studyId', item->>'studyId', 'accessTokenId', v_token_id,
                                       'consentFormId', v_consent_form_id, 'automatic', true));
        END IF;
    END LOOP;

    -- Every email to a participant carries a link to manage their participation, with its own token.
    IF p ? 'manageToken' THEN
        INSERT INTO "access_tokens" ("token_hash", "purpose", "volunteer_id", "expires_at")
        VALUES (p#>>'{manageToken,tokenHash}', 'MANAGE_PARTICIPATION', v_volunteer_id, (p#>>'{manageToken,expiresAt}')::timestamptz);
    END IF;

    INSERT INTO "outgoing_emails" ("dedupe_key", "template", "to_address", "volunteer_id", "subject", "text_body", "html_body", "updated_at")
    VALUES ('registration-confirmation:' || v_expression_id, p#>>'{email,template}', p#>>'{email,to}', v_volunteer_id,
            p#>>'{email,subject}', p#>>'{email,text}', p#>>'{email,html}', now());

    IF p->>'draftId' IS NOT NULL THEN
        -- The answers now live in the expression of interest; the draft keeps only the outcome to show.
        UPDATE "registration_drafts"
        SET "answers" = jsonb_build_object('outcomes', p->'outcomes'), "submitted_at" = now(),
            "expression_of_interest_id" = v_expression_id, "updated_at" = now()
        WHERE "id" = (p->>'draftId')::uuid;
    END IF;

    -- Last, so the chain lock is held for the shortest time.
    INSERT INTO "audit_events" ("actor_type", "actor_id", "action", "subject_type", "subject_id", "data")
    VALUES ('VOLUNTEER', v_volunteer_id, CASE WHEN v_was_new THEN 'registration.submitted' ELSE 'registration.repeated' END,
            'expression_of_interest', v_expression_id,
            jsonb_build_object('volunteerId', v_volunteer_id, 'participations', v_participation_ids));

    RETURN jsonb_build_object('kind', 'stored', 'volunteerId', v_volunteer_id, 'expressionOfInterestId', v_expression_id);
END;
$$;
