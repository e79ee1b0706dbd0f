import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";

export type TimelineEvent = {
  id: string;
  occurredAt: Date;
  action: string;
  actorType: "VOLUNTEER" | "PARTICIPANT" | "RESEARCHER" | "SYSTEM";
  actorId: string | null;
  /** The researcher's name (or email) when a researcher did it. */
  actorName: string | null;
  subjectType: string;
  subjectId: string | null;
  data: unknown;
};

/**
 * Every audit event about one volunteer, oldest first: those whose subject is the volunteer, one of their
 * expressions of interest, participations, consent records, interviews or workshop bookings. Each
 * subject is found through its index (subject_type, subject_id).
 */
export async function volunteerTimeline(
  db: Database,
  _actor: Researcher,
  volunteerId: string,
): Promise<TimelineEvent[]> {
  const rows = await db.$queryRaw<
    {
      id: bigint;
      occurred_at: Date;
      action: string;
      actor_type: TimelineEvent["actorType"];
      actor_id: string | null;
      actor_name: string | null;
      subject_type: string;
      subject_id: string | null;
      data: unknown;
    }[]
  >`
    with subjects(subject_type, subject_id) as (
      select 'volunteer', ${volunteerId}::uuid
      union all select 'expression_of_interest', x.id from expressions_of_interest x where x.volunteer_id = ${volunteerId}::uuid
      union all select 'participation', p.id from participations p where p.volunteer_id = ${volunteerId}::uuid
      union all select 'consent_record', cr.id from consent_records cr join participations p on p.id = cr.participation_id where p.volunteer_id = ${volunteerId}::uuid
      union all select 'interview', i.id from interviews i join participations p on p.id = i.participation_id where p.volunteer_id = ${volunteerId}::uuid
      union all select 'workshop_booking', b.id from workshop_bookings b join participations p on p.id = b.participation_id where p.volunteer_id = ${volunteerId}::uuid
    )
    select e.id, e.occurred_at, e.action, e.actor_type::text as actor_type, e.actor_id,
      coalesce(r.name, r.email) as actor_name, e.subject_type, e.subject_id, e.data
    from subjects s
    join audit_events e on e.subject_type = s.subject_type and e.subject_id = s.subject_id
    left join researchers r on e.actor_type = 'RESEARCHER' and r.id = e.actor_id
    order by e.id`;
  return rows.map((r) => ({
    id: r.id.toString(),
    occurredAt: r.occurred_at,
    action: r.action,
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorName: r.actor_name,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    data: r.data,
  }));
}
