import { z } from "zod";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { endOfUkDay, isIsoDay, startOfUkDay } from "@/lib/text/uk-day";

/**
 * The audit log for the dashboard: newest first, a page at a time by keyset (event ids only grow, and
 * their order is the chain's order), filtered by action, subject type, actor type and a range of UK days.
 * Each event comes with who did it (a researcher's name, or the kind of actor) and, where one can be
 * found, the volunteer it concerns. Any researcher may read it.
 */
export const ACTOR_TYPES = ["RESEARCHER", "VOLUNTEER", "PARTICIPANT", "SYSTEM"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[a-z0-9_.]*$/)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);
const optionalDay = z
  .string()
  .trim()
  .optional()
  .catch(undefined)
  .transform((v) => v || undefined);
const eventId = z
  .string()
  .regex(/^\d{1,18}$/)
  .optional()
  .catch(undefined);

/** The filters as they come in the address; anything malformed is ignored rather than an error page. */
export const auditFiltersSchema = z.object({
  action: optionalText(80),
  subjectType: optionalText(40),
  actorType: z.enum(ACTOR_TYPES).optional().catch(undefined),
  from: optionalDay,
  to: optionalDay,
  before: eventId,
  after: eventId,
});
export type AuditFilters = z.output<typeof auditFiltersSchema>;

export type AuditLogEvent = {
  id: string;
  occurredAt: Date;
  action: string;
  actorType: string;
  actorLabel: string;
  subjectType: string;
  subjectId: string | null;
  subjectLabel: string | null;
  volunteerId: string | null;
  data: unknown;
};

export type AuditLogPage = {
  events: AuditLogEvent[];
  /** Keys for the links to the next pages: older events (before) and newer ones (after). */
  olderThan: string | null;
  newerThan: string | null;
  dateErrors: { field: "from" | "to"; message: string }[];
};

type Row = {
  id: bigint;
  occurred_at: Date;
  action: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  subject_type: string;
  subject_id: string | null;
  subject_researcher: string | null;
  subject_study: string | null;
  volunteer_id: string | null;
  data: unknown;
};

const actorWords: Record<string, string> = {
  VOLUNTEER: "The volunteer",
  PARTICIPANT: "The participant",
  SYSTEM: "The portal",
};

export async function listAuditEvents(
  db: Database,
  _actor: Researcher,
  filters: AuditFilters,
  pageSize = 50,
): Promise<AuditLogPage> {
  const where: Prisma.Sql[] = [];
  const dateErrors: AuditLogPage["dateErrors"] = [];
  if (filters.action) where.push(Prisma.sql`e.action = ${filters.action}`);
  if (filters.subjectType) where.push(Prisma.sql`e.subject_type = ${filters.subjectType}`);
  if (filters.actorType) where.push(Prisma.sql`e.actor_type = ${filters.actorType}::actor_type`);
  const from = filters.from && isIsoDay(filters.from) ? filters.from : undefined;
  const to = filters.to && isIsoDay(filters.to) ? filters.to : undefined;
  if (filters.from && !from)
    dateErrors.push({ field: "from", message: "Enter a real date for “From”, like 26/11/2026" });
  if (filters.to && !to) dateErrors.push({ field: "to", message: "Enter a real date for “To”, like 26/11/2026" });
  if (from && to && from > to) dateErrors.push({ field: "to", message: "“To” must be the same as or after “From”" });
  if (from) where.push(Prisma.sql`e.occurred_at >= ${startOfUkDay(from)}`);
  if (to) where.push(Prisma.sql`e.occurred_at < ${endOfUkDay(to)}`);

  const newerPage = filters.after !== undefined && filters.before === undefined;
  if (filters.before !== undefined) where.push(Prisma.sql`e.id < ${BigInt(filters.before)}`);
  else if (filters.after !== undefined) where.push(Prisma.sql`e.id > ${BigInt(filters.after)}`);

  const conditions = where.length ? Prisma.sql`where ${Prisma.join(where, " and ")}` : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>`
    select e.id, e.occurred_at, e.action, e.actor_type::text as actor_type, e.actor_id, e.subject_type, e.subject_id, e.data,
      r.name as actor_name, r.email as actor_email,
      coalesce(sr.name, sr.email) as subject_researcher, st.short_title as subject_study,
      coalesce(v.id, p.volunteer_id, x.volunteer_id, cr_p.volunteer_id, m.volunteer_id,
               case when e.actor_type in ('VOLUNTEER', 'PARTICIPANT') then av.id end) as volunteer_id
    from audit_events e
    left join researchers r on e.actor_type = 'RESEARCHER' and r.id = e.actor_id
    left join researchers sr on e.subject_type = 'researcher' and sr.id = e.subject_id
    left join studies st on e.subject_type = 'study' and st.id = e.subject_id
    left join volunteers v on e.subject_type = 'volunteer' and v.id = e.subject_id
    left join participations p on e.subject_type = 'participation' and p.id = e.subject_id
    left join expressions_of_interest x on e.subject_type = 'expression_of_interest' and x.id = e.subject_id
    left join consent_records cr on e.subject_type = 'consent_record' and cr.id = e.subject_id
    left join participations cr_p on cr_p.id = cr.participation_id
    left join outgoing_emails m on e.subject_type = 'outgoing_email' and m.id = e.subject_id
    left join volunteers av on e.actor_type in ('VOLUNTEER', 'PARTICIPANT') and av.id = e.actor_id
    ${conditions}
    order by e.id ${newerPage ? Prisma.sql`asc` : Prisma.sql`desc`}
    limit ${pageSize + 1}`;

  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (newerPage) page.reverse();
  const events = page.map((r) => ({
    id: r.id.toString(),
    occurredAt: r.occurred_at,
    action: r.action,
    actorType: r.actor_type,
    actorLabel:
      r.actor_type === "RESEARCHER"
        ? (r.actor_name ?? r.actor_email ?? "A researcher (account removed)")
        : (actorWords[r.actor_type] ?? r.actor_type),
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    subjectLabel: r.subject_researcher ?? r.subject_study ?? null,
    volunteerId: r.volunteer_id,
    data: r.data,
  }));
  const first = events[0]?.id ?? null;
  const last = events.at(-1)?.id ?? null;
  return {
    events,
    olderThan: (newerPage ? true : more) ? last : null,
    newerThan: (newerPage ? more : filters.before !== undefined) ? first : null,
    dateErrors,
  };
}

/** The distinct values of an indexed column, by a loose index scan (fast however long the log is). */
async function distinctValues(db: Database, column: "action" | "subject_type"): Promise<string[]> {
  const col = Prisma.raw(column);
  const rows = await db.$queryRaw<{ value: string }[]>`
    with recursive t(value) as (
      select min(${col}) from audit_events
      union all
      select (select min(${col}) from audit_events where ${col} > t.value) from t where t.value is not null)
    select value from t where value is not null`;
  return rows.map((r) => r.value);
}

/** What the filters can choose from: the actions and subject types present in the log. */
export async function auditFilterChoices(
  db: Database,
  _actor: Researcher,
): Promise<{ actions: string[]; subjectTypes: string[] }> {
  const [actions, subjectTypes] = await Promise.all([distinctValues(db, "action"), distinctValues(db, "subject_type")]);
  return { actions, subjectTypes };
}
