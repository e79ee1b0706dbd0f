-- Studies, screening questions and eligibility built in the dashboard (issue 11).
--
-- 1. Screening questions become data: a question set (one per call, or per study) with numbered versions.
--    A published version never changes, as published consent documents never do: every submission points
--    at the version, and so the exact wording, that its person answered. At most one draft per set.
-- 2. The 2026 call's questions, as the portal asked them until now, are version 1 of the call's set
--    (lib/questions/current-call.ts holds the same definition; a unit test compares the two). Both studies
--    use it, and every submission stored so far is recorded as having answered it: those pages were the
--    only ones the portal ever had. No answer, outcome, consent record or audit event is changed.
-- 3. Eligibility rules keep their place on the study (the newest) and every version is kept as well;
--    version 1 of each study is its rules now. Outcomes decided before today name no version: which
--    rules decided them was not recorded, and this migration does not guess.
-- 4. volunteers.screening_answers: each person's latest screening answers by question code, filled from
--    their latest submission, so the dashboard can filter and export on any question without reading
--    every submission.

CREATE TABLE "question_sets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" VARCHAR(64) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "question_sets_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "question_sets_slug_key" ON "question_sets"("slug");

CREATE TABLE "question_set_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "question_set_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "published_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "question_set_versions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "question_set_versions_version_positive" CHECK ("version" >= 1),
    CONSTRAINT "question_set_versions_definition_has_pages" CHECK (jsonb_typeof("definition" -> 'pages') = 'array')
);
CREATE UNIQUE INDEX "question_set_versions_question_set_id_version_key"
    ON "question_set_versions"("question_set_id", "version");
-- One draft at a time per set: two researchers editing at once edit the same draft, not two.
CREATE UNIQUE INDEX "question_set_versions_one_draft"
    ON "question_set_versions"("question_set_id") WHERE "published_at" IS NULL;
ALTER TABLE "question_set_versions" ADD CONSTRAINT "question_set_versions_question_set_id_fkey"
    FOREIGN KEY ("question_set_id") REFERENCES "question_sets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- RESTRICT, not SET NULL: a published version cannot change, and researchers are disabled, never deleted.
ALTER TABLE "question_set_versions" ADD CONSTRAINT "question_set_versions_published_by_id_fkey"
    FOREIGN KEY ("published_by_id") REFERENCES "researchers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Published versions are as immutable as published information sheets (same rule, same function).
CREATE TRIGGER "question_set_versions_published_immutable"
    BEFORE UPDATE OR DELETE ON "question_set_versions"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_published_document"();

CREATE TABLE "expression_of_interest_versions" (
    "expression_of_interest_id" UUID NOT NULL,
    "question_set_version_id" UUID NOT NULL,
    CONSTRAINT "expression_of_interest_versions_pkey" PRIMARY KEY ("expression_of_interest_id", "question_set_version_id")
);
CREATE INDEX "expression_of_interest_versions_question_set_version_id_idx"
    ON "expression_of_interest_versions"("question_set_version_id");
ALTER TABLE "expression_of_interest_versions" ADD CONSTRAINT "expression_of_interest_versions_expression_of_interest_id_fkey"
    FOREIGN KEY ("expression_of_interest_id") REFERENCES "expressions_of_interest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "expression_of_interest_versions" ADD CONSTRAINT "expression_of_interest_versions_question_set_version_id_fkey"
    FOREIGN KEY ("question_set_version_id") REFERENCES "question_set_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "eligibility_rule_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "study_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "eligibility_rule_versions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "eligibility_rule_versions_version_positive" CHECK ("version" >= 1)
);
CREATE UNIQUE INDEX "eligibility_rule_versions_study_id_version_key" ON "eligibility_rule_versions"("study_id", "version");
ALTER TABLE "eligibility_rule_versions" ADD CONSTRAINT "eligibility_rule_versions_study_id_fkey"
    FOREIGN KEY ("study_id") REFERENCES "studies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "eligibility_rule_versions" ADD CONSTRAINT "eligibility_rule_versions_created_by_id_fkey"
    FOREIGN KEY ("created_by_id") REFERENCES "researchers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A rule version is history: it is never changed or removed.
CREATE FUNCTION "refuse_change_to_rule_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'an eligibility rule version cannot be changed or deleted: save a new version instead'
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "eligibility_rule_versions_append_only"
    BEFORE UPDATE OR DELETE ON "eligibility_rule_versions"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_rule_version"();

ALTER TABLE "participations" ADD COLUMN "eligibility_rules_version_id" UUID;
ALTER TABLE "participations" ADD CONSTRAINT "participations_eligibility_rules_version_id_fkey"
    FOREIGN KEY ("eligibility_rules_version_id") REFERENCES "eligibility_rule_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "volunteers" ADD COLUMN "screening_answers" JSONB NOT NULL DEFAULT '{}';
CREATE INDEX "volunteers_screening_answers_idx" ON "volunteers" USING GIN ("screening_answers" jsonb_path_ops);

-- The call's question set, version 1: exactly the questions the portal has asked until now.
INSERT INTO "question_sets" ("slug", "title", "updated_at")
VALUES ('bi-directional-learning-2026', 'Bi-directional learning in international health partnerships (2026 call)', CURRENT_TIMESTAMP);

INSERT INTO "question_set_versions" ("question_set_id", "version", "definition", "published_at", "updated_at")
SELECT "id", 1, $definition${
  "pages": [
    {
      "slug": "your-work",
      "title": "Your work",
      "questions": [
        {
          "code": "worksInNhsNow",
          "kind": "yes-no",
          "label": "Do you work in the NHS now?",
          "shortLabel": "Works in the NHS now",
          "required": true,
          "inline": true,
          "options": [
            {
              "code": "yes",
              "label": "Yes"
            },
            {
              "code": "no",
              "label": "No"
            }
          ],
          "messages": {
            "required": "Select yes if you work in the NHS now"
          }
        },
        {
          "code": "employer",
          "kind": "short-text",
          "label": "Which NHS trust or organisation do you work for?",
          "hint": "For example, Leeds Teaching Hospitals NHS Trust. If you no longer work in the NHS, you can leave this empty.",
          "shortLabel": "NHS trust or organisation",
          "required": false,
          "requiredWhen": {
            "question": "worksInNhsNow",
            "oneOf": [
              "yes"
            ]
          },
          "autocomplete": "organization",
          "messages": {
            "required": "Enter the NHS trust or organisation you work for",
            "tooLong": "NHS organisation must be 200 characters or fewer"
          }
        },
        {
          "code": "staffGroup",
          "kind": "one-choice",
          "label": "Which staff group are you in?",
          "shortLabel": "Staff group",
          "required": true,
          "options": [
            {
              "code": "doctor",
              "label": "Doctor or dentist"
            },
            {
              "code": "nurse",
              "label": "Nurse or health visitor"
            },
            {
              "code": "midwife",
              "label": "Midwife"
            },
            {
              "code": "allied-health-professional",
              "label": "Allied health professional",
              "hint": "For example, physiotherapist, paramedic, radiographer or dietitian"
            },
            {
              "code": "healthcare-scientist",
              "label": "Healthcare scientist"
            },
            {
              "code": "pharmacy",
              "label": "Pharmacist or pharmacy technician"
            },
            {
              "code": "clinical-support",
              "label": "Healthcare assistant or other clinical support"
            },
            {
              "code": "management-administration",
              "label": "Manager or administrator"
            },
            {
              "code": "other",
              "label": "Another staff group"
            }
          ],
          "messages": {
            "required": "Select your staff group"
          }
        },
        {
          "code": "jobTitle",
          "kind": "short-text",
          "label": "What is your role or job title?",
          "hint": "For example, ward sister or consultant anaesthetist.",
          "shortLabel": "Role or job title",
          "required": true,
          "autocomplete": "organization-title",
          "messages": {
            "required": "Enter your role or job title",
            "tooLong": "Role or job title must be 200 characters or fewer"
          }
        },
        {
          "code": "region",
          "kind": "one-choice",
          "label": "Which region do you work in?",
          "shortLabel": "Region",
          "required": true,
          "options": [
            {
              "code": "london",
              "label": "London"
            },
            {
              "code": "south-east",
              "label": "South East"
            },
            {
              "code": "south-west",
              "label": "South West"
            },
            {
              "code": "east-of-england",
              "label": "East of England"
            },
            {
              "code": "midlands",
              "label": "Midlands"
            },
            {
              "code": "north-west",
              "label": "North West"
            },
            {
              "code": "north-east-yorkshire",
              "label": "North East and Yorkshire"
            },
            {
              "code": "scotland",
              "label": "Scotland"
            },
            {
              "code": "wales",
              "label": "Wales"
            },
            {
              "code": "northern-ireland",
              "label": "Northern Ireland"
            }
          ],
          "messages": {
            "required": "Select the region you work in"
          }
        }
      ]
    },
    {
      "slug": "international-experience",
      "title": "Your international experience",
      "questions": [
        {
          "code": "ihpParticipation",
          "kind": "one-choice",
          "label": "Have you taken part in a THET-funded international health partnership?",
          "hint": "An international health partnership (IHP) links a UK health institution with one in another country. Include partnerships funded by THET through programmes such as the Health Partnership Scheme.",
          "shortLabel": "THET-funded international health partnership",
          "required": true,
          "options": [
            {
              "code": "current",
              "label": "Yes, I am taking part now"
            },
            {
              "code": "past",
              "label": "Yes, I have taken part in the past"
            },
            {
              "code": "never",
              "label": "No, never"
            }
          ],
          "messages": {
            "required": "Select whether you have taken part in a THET-funded international health partnership"
          }
        },
        {
          "code": "partnershipName",
          "kind": "short-text",
          "label": "Name of the partnership",
          "hint": "For example, the names of the UK and partner institutions.",
          "shortLabel": "Partnership",
          "required": true,
          "showWhen": {
            "question": "ihpParticipation",
            "oneOf": [
              "current",
              "past"
            ],
            "hint": "Only if you have taken part in a THET-funded partnership."
          },
          "messages": {
            "required": "Enter the name of the partnership",
            "tooLong": "Partnership name must be 200 characters or fewer",
            "conflict": "You said you have never taken part in a THET-funded partnership. Delete the partnership name, or change your answer"
          }
        },
        {
          "code": "partnershipCountry",
          "kind": "short-text",
          "label": "Country of the partner institution",
          "shortLabel": "Country",
          "required": true,
          "showWhen": {
            "question": "ihpParticipation",
            "oneOf": [
              "current",
              "past"
            ],
            "hint": "Only if you have taken part in a THET-funded partnership."
          },
          "autocomplete": "off",
          "maxLength": 100,
          "messages": {
            "required": "Enter the country of the partnership",
            "tooLong": "Country must be 100 characters or fewer",
            "conflict": "You said you have never taken part in a THET-funded partnership. Delete the country, or change your answer"
          }
        },
        {
          "code": "partnershipYears",
          "kind": "short-text",
          "label": "Years you took part (optional)",
          "hint": "For example, 2018 to 2020.",
          "shortLabel": "Years",
          "required": false,
          "width": 20,
          "maxLength": 50,
          "showWhen": {
            "question": "ihpParticipation",
            "oneOf": [
              "current",
              "past"
            ],
            "hint": "Only if you have taken part in a THET-funded partnership."
          },
          "messages": {
            "tooLong": "Years must be 50 characters or fewer",
            "conflict": "You said you have never taken part in a THET-funded partnership. Delete the years, or change your answer"
          }
        },
        {
          "code": "otherVolunteering",
          "kind": "one-choice",
          "label": "Have you done other international volunteering?",
          "hint": "Health-related volunteering in another country that was not part of a THET-funded partnership.",
          "shortLabel": "Other international volunteering",
          "required": true,
          "options": [
            {
              "code": "current",
              "label": "Yes, I am taking part now"
            },
            {
              "code": "past",
              "label": "Yes, I have taken part in the past"
            },
            {
              "code": "never",
              "label": "No, never"
            }
          ],
          "messages": {
            "required": "Select whether you have done other international volunteering"
          }
        },
        {
          "code": "introducedLearning",
          "kind": "yes-no",
          "label": "Have you had the opportunity to introduce learning from your international placement into your NHS work?",
          "shortLabel": "Introduced learning into the NHS",
          "required": true,
          "inline": true,
          "options": [
            {
              "code": "yes",
              "label": "Yes"
            },
            {
              "code": "no",
              "label": "No"
            }
          ],
          "messages": {
            "required": "Select yes if you have had the opportunity to introduce learning from your placement into the NHS"
          }
        },
        {
          "code": "learningDescription",
          "kind": "long-text",
          "label": "Briefly, what did you introduce? (optional)",
          "hint": "A sentence or two is enough. Do not include any patient information.",
          "shortLabel": "What you introduced",
          "required": false,
          "messages": {
            "tooLong": "Description must be 1000 characters or fewer"
          }
        }
      ]
    }
  ]
}$definition$::jsonb, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM "question_sets" WHERE "slug" = 'bi-directional-learning-2026';

ALTER TABLE "studies" ADD COLUMN "question_set_id" UUID;
UPDATE "studies" SET "question_set_id" = (SELECT "id" FROM "question_sets" WHERE "slug" = 'bi-directional-learning-2026');
ALTER TABLE "studies" ALTER COLUMN "question_set_id" SET NOT NULL;
ALTER TABLE "studies" ADD CONSTRAINT "studies_question_set_id_fkey"
    FOREIGN KEY ("question_set_id") REFERENCES "question_sets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every submission so far answered version 1: it was the only form there was.
INSERT INTO "expression_of_interest_versions" ("expression_of_interest_id", "question_set_version_id")
SELECT e."id", v."id"
FROM "expressions_of_interest" e
CROSS JOIN "question_set_versions" v
JOIN "question_sets" s ON s."id" = v."question_set_id" AND s."slug" = 'bi-directional-learning-2026' AND v."version" = 1;

-- Version 1 of each study's rules is the rules it has now.
INSERT INTO "eligibility_rule_versions" ("study_id", "version", "rules")
SELECT "id", 1, "eligibility_rules" FROM "studies";

-- Each person's latest screening answers: the latest submission's answers less the journey's own fields.
-- An erased person's submissions are already emptied, so theirs stay empty.
UPDATE "volunteers" v
SET "screening_answers" = latest."answers" - ARRAY[
    'fullName', 'email', 'phone', 'website', 'studies', 'workshopFormat', 'workshopRegion',
    'heardFrom', 'heardFromOther', 'contactConsent', 'privacyAcknowledged'
]
FROM (
    SELECT DISTINCT ON ("volunteer_id") "volunteer_id", "answers"
    FROM "expressions_of_interest"
    ORDER BY "volunteer_id", "submitted_at" DESC, "id" DESC
) latest
WHERE latest."volunteer_id" = v."id" AND jsonb_typeof(latest."answers") = 'object' AND v."erased_at" IS NULL;
