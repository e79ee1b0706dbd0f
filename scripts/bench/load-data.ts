/**
 * The data the registration and mixed-load benchmarks (scripts/bench/registration.ts, load.ts) consume,
 * prepared in the database before the clock starts: registration drafts ready for their final submit and invited people with a valid consent
 * link, each used once, so every measured registration and signature is a different person.
 */
import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import { validAnswers } from "../../tests/support/registration-answers";

const hash = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");
const newToken = () => randomBytes(32).toString("base64url");

/** Registration cookies whose drafts hold a complete set of answers, each with its own email address. */
export async function prepareRegistrationDrafts(client: pg.Client, count: number): Promise<string[]> {
  const { website: _website, ...answers } = validAnswers;
  const tokens = Array.from({ length: count }, newToken);
  for (let start = 0; start < count; start += 1000) {
    const batch = tokens.slice(start, start + 1000);
    await client.query(
      `insert into registration_drafts (token_hash, answers, submission_key, expires_at, updated_at)
       select h, a::jsonb, k, now() + interval '1 day', now() from unnest($1::text[], $2::text[], $3::text[]) as t(h, a, k)`,
      [
        batch.map(hash),
        batch.map((_, i) =>
          JSON.stringify({ ...answers, email: `load.${start + i}.${randomBytes(4).toString("hex")}@nhs.net` }),
        ),
        batch.map(() => randomBytes(24).toString("hex")),
      ],
    );
  }
  return tokens;
}

/**
 * People invited to the interview study as the dashboard's invitation leaves them (status INVITED, the
 * information sheet sent, a consent link stored only as its hash), with the study's time to consider
 * already over so that the form can be signed now. Returns the links' tokens, one per person.
 */
export async function prepareInvitedPeople(client: pg.Client, count: number): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>("select id from studies where slug = 'interview-study'");
  const studyId = rows[0]!.id;
  const tokens = Array.from({ length: count }, newToken);
  // Addresses unique across calls: each call has its own tag.
  const tag = randomBytes(4).toString("hex");
  for (let start = 0; start < count; start += 1000) {
    const batch = tokens.slice(start, start + 1000);
    await client.query(
      `with people as (
         select h, n from unnest($1::text[]) with ordinality as t(h, n)
       ), volunteers_made as (
         insert into volunteers (email, email_normalised, full_name, staff_group, region, partnership_country, employer, job_title, created_at, updated_at)
         select 'invited.' || $4 || '.' || $3::int + n || '@nhs.example', 'invited.' || $4 || '.' || $3::int + n || '@nhs.example', 'Invited Person ' || ($3::int + n),
                'nurse', 'london', 'Uganda', 'An NHS trust', 'Clinician', now() - interval '30 days', now() - interval '30 days'
         from people
         returning id, email
       ), participations_made as (
         insert into participations (volunteer_id, study_id, status, eligibility, eligibility_reasons, invited_at, information_sheet_sent_at, created_at, updated_at)
         select id, $2::uuid, 'INVITED', 'ELIGIBLE', '[]'::jsonb, now() - interval '20 days', now() - interval '20 days', now() - interval '30 days', now()
         from volunteers_made
         returning id, volunteer_id
       )
       insert into access_tokens (token_hash, purpose, volunteer_id, participation_id, expires_at)
       select p.h, 'CONSENT', pm.volunteer_id, pm.id, now() + interval '7 days'
       from participations_made pm
       join volunteers_made v on v.id = pm.volunteer_id
       join people p on 'invited.' || $4 || '.' || $3::int + p.n || '@nhs.example' = v.email`,
      [batch.map(hash), studyId, start, tag],
    );
  }
  return tokens;
}

/** A "Manage your participation" link for the person whose consent link this is (for the page-weight check). */
export async function prepareManageLink(client: pg.Client, consentToken: string): Promise<string> {
  const token = newToken();
  await client.query(
    `insert into access_tokens (token_hash, purpose, volunteer_id, expires_at)
     select $1, 'MANAGE_PARTICIPATION', volunteer_id, now() + interval '7 days' from access_tokens where token_hash = $2`,
    [hash(token), hash(consentToken)],
  );
  return token;
}
