import type { Database } from "@/lib/db/prisma";

/**
 * Registrations that are not whole: a volunteer without an expression of interest, an expression without
 * its participations (one per study asked for), its audit event or its confirmation email, or a draft
 * marked submitted without the expression it became. Each row names what is missing; none is expected.
 */
export async function halfWrittenRegistrations(db: Database): Promise<{ id: string; problem: string }[]> {
  return db.$queryRaw<{ id: string; problem: string }[]>`
    select v.id::text, 'volunteer without an expression of interest' as problem
      from volunteers v where not exists (select 1 from expressions_of_interest e where e.volunteer_id = v.id)
    union all
    select e.id::text, 'expression of interest without a participation per study'
      from expressions_of_interest e
      where (select count(*) from participations p where p.volunteer_id = e.volunteer_id)
            < jsonb_array_length(coalesce(e.answers->'studies', '[]'::jsonb))
    union all
    select e.id::text, 'expression of interest without its audit event'
      from expressions_of_interest e
      where not exists (select 1 from audit_events a where a.subject_type = 'expression_of_interest' and a.subject_id = e.id)
    union all
    select e.id::text, 'expression of interest without its confirmation email'
      from expressions_of_interest e
      where not exists (select 1 from outgoing_emails o where o.dedupe_key = 'registration-confirmation:' || e.id)
    union all
    select d.id::text, 'draft submitted without its expression of interest'
      from registration_drafts d
      where d.submitted_at is not null
        and not exists (select 1 from expressions_of_interest e where e.id = d.expression_of_interest_id)`;
}

/**
 * Consent that is not whole, per participation: a record without its answers' participation status, its
 * audit event or its two emails; or a participation marked consented, or its link spent, without a record.
 */
export async function halfWrittenConsents(db: Database): Promise<{ id: string; problem: string }[]> {
  return db.$queryRaw<{ id: string; problem: string }[]>`
    select r.id::text, 'record whose participation is not consented'
      from consent_records r join participations p on p.id = r.participation_id
      where p.status <> 'CONSENTED' or p.consented_at is null
    union all
    select r.id::text, 'record without statements'
      from consent_records r where jsonb_array_length(r.statements) = 0
    union all
    select r.id::text, 'record without its audit event'
      from consent_records r
      where not exists (select 1 from audit_events a where a.subject_type = 'consent_record' and a.subject_id = r.id and a.action = 'consent.signed')
    union all
    select r.id::text, 'record without its confirmation email'
      from consent_records r where not exists (select 1 from outgoing_emails o where o.dedupe_key = 'consent-confirmation:' || r.id)
    union all
    select r.id::text, 'record without the team''s email'
      from consent_records r where not exists (select 1 from outgoing_emails o where o.dedupe_key = 'consent-team-notification:' || r.id)
    union all
    select p.id::text, 'consented participation without a record'
      from participations p
      where (p.status = 'CONSENTED' or p.consented_at is not null)
        and not exists (select 1 from consent_records r where r.participation_id = p.id)
    union all
    select t.id::text, 'consent link spent without a record'
      from access_tokens t
      where t.purpose = 'CONSENT' and t.used_at is not null
        and not exists (select 1 from consent_records r where r.participation_id = t.participation_id)`;
}
