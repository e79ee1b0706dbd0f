-- 1. The audit chain is kept by the database itself. Every insert into audit_events, from any code path,
--    is chained: a trigger takes the chain lock, numbers the event after the last one, and computes its
--    hash from its content and the previous event's hash. The hash covers a JSON array of the fields,
--    an unambiguous encoding that PostgreSQL renders the same way every time for the same values.

ALTER TABLE "audit_events" ALTER COLUMN "hash" SET DEFAULT '';

CREATE FUNCTION "audit_event_hash"("previous_hash" TEXT, "occurred_at" TIMESTAMPTZ, "actor_type" TEXT, "actor_id" UUID,
                                   "action" TEXT, "subject_type" TEXT, "subject_id" UUID, "data" JSONB)
RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(jsonb_build_array(
        "previous_hash",
        to_char("occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        "actor_type", "actor_id", "action", "subject_type", "subject_id", "data"
    )::text, 'UTF8')), 'hex');
$$;

CREATE FUNCTION "chain_audit_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- One appender at a time, across every connection, until this transaction ends.
    PERFORM pg_advisory_xact_lock(7240117);
    -- Numbered only now, under the lock, so that id order is chain order.
    NEW.id := nextval(pg_get_serial_sequence('audit_events', 'id'));
    SELECT "hash" INTO NEW.previous_hash FROM "audit_events" ORDER BY "id" DESC LIMIT 1;
    NEW.hash := audit_event_hash(NEW.previous_hash, NEW.occurred_at, NEW.actor_type::text, NEW.actor_id,
                                 NEW.action, NEW.subject_type, NEW.subject_id, NEW.data);
    RETURN NEW;
END;
$$;

CREATE TRIGGER "audit_events_chain"
    BEFORE INSERT ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION "chain_audit_event"();

-- Walks the chain in order and reports the first event whose link or hash does not match.
CREATE FUNCTION "audit_chain_report"()
RETURNS TABLE ("events_checked" BIGINT, "broken_at_id" BIGINT, "problem" TEXT) LANGUAGE plpgsql STABLE AS $$
DECLARE
    event RECORD;
    expected_previous TEXT := NULL;
    checked BIGINT := 0;
BEGIN
    FOR event IN SELECT * FROM "audit_events" ORDER BY "id" LOOP
        checked := checked + 1;
        IF event.previous_hash IS DISTINCT FROM expected_previous THEN
            RETURN QUERY SELECT checked, event.id, 'link to previous event broken'::text;
            RETURN;
        END IF;
        IF event.hash <> audit_event_hash(event.previous_hash, event.occurred_at, event.actor_type::text, event.actor_id,
                                          event.action, event.subject_type, event.subject_id, event.data) THEN
            RETURN QUERY SELECT checked, event.id, 'hash does not match content'::text;
            RETURN;
        END IF;
        expected_previous := event.hash;
    END LOOP;
    RETURN QUERY SELECT checked, NULL::BIGINT, NULL::text;
END;
$$;

-- 2. The final submit of a registration, written in one statement: the caller (lib/registration) has
--    checked the answers and decided eligibility; this stores everything or nothing, in one round trip.
--    Input: { draftId?, submissionKey, emailNormalised, volunteer: {...}, answers, privacyNoticeVersion,
--    participations: [{ studyId, eligibility, reasons }], email: { template, to, subject, text, html },
--    outcomes }. Output: { kind: stored | already-submitted | discarded, volunteerId?, expressionOfInterestId? }.
CREATE FUNCTION "store_registration"("p" JSONB) RETURNS JSONB LANGUAGE plpgsql AS $$
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

    INSERT INTO "volunteers" AS v ("email_normalised", "email", "full_name", "phone", "employer", "staff_group",
                                   "job_title", "region", "partnership_country", "updated_at")
    VALUES (v_email_key, p#>>'{volunteer,email}', p#>>'{volunteer,fullName}', p#>>'{volunteer,phone}',
            p#>>'{volunteer,employer}', p#>>'{volunteer,staffGroup}', p#>>'{volunteer,jobTitle}',
            p#>>'{volunteer,region}', p#>>'{volunteer,partnershipCountry}', now())
    ON CONFLICT ("email_normalised") DO UPDATE SET
        "email" = EXCLUDED."email", "full_name" = EXCLUDED."full_name", "phone" = EXCLUDED."phone",
        "employer" = EXCLUDED."employer", "staff_group" = EXCLUDED."staff_group", "job_title" = EXCLUDED."job_title",
        "region" = EXCLUDED."region", "partnership_country" = EXCLUDED."partnership_country",
        "erased_at" = NULL, "updated_at" = now()
    RETURNING v."id", (v.xmax = 0) INTO v_volunteer_id, v_was_new;

    INSERT INTO "expressions_of_interest" ("volunteer_id", "answers", "privacy_notice_version", "submission_key")
    VALUES (v_volunteer_id, p->'answers', p->>'privacyNoticeVersion', v_submission_key)
    RETURNING "id" INTO v_expression_id;

    FOR item IN SELECT * FROM jsonb_array_elements(p->'participations') LOOP
        INSERT INTO "participations" AS pa ("volunteer_id", "study_id", "status", "eligibility", "eligibility_reasons", "updated_at")
        VALUES (v_volunteer_id, (item->>'studyId')::uuid, (item->>'eligibility')::participation_status,
                (item->>'eligibility')::eligibility_outcome, item->'reasons', now())
        ON CONFLICT ("volunteer_id", "study_id") DO UPDATE SET
            "eligibility" = EXCLUDED."eligibility",
            "eligibility_reasons" = EXCLUDED."eligibility_reasons",
            -- Only statuses that reflect the answers follow them; the team's decisions (invited,
            -- consented...) and overrides stay as they are.
            "status" = CASE WHEN pa."status" IN ('INTERESTED', 'ELIGIBLE', 'INELIGIBLE') AND pa."eligibility_override" IS NULL
                            THEN EXCLUDED."status" ELSE pa."status" END,
            "updated_at" = now()
        RETURNING pa."id" INTO v_participation_id;
        v_participation_ids := v_participation_ids || jsonb_build_object(
            'studyId', item->>'studyId', 'participationId', v_participation_id, 'eligible', item->>'eligibility' = 'ELIGIBLE');
    END LOOP;

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
