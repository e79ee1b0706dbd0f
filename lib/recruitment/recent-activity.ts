import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";

export type ActivityItem = {
  id: string;
  occurredAt: Date;
  action: string;
  actorType: string;
  volunteerId: string | null;
};

/**
 * The latest audit events about volunteers, newest first, each with the volunteer it concerns when
 * there is one (found through the participation or expression of interest it names).
 */
export async function recentActivity(db: Database, _actor: Researcher, limit = 15): Promise<ActivityItem[]> {
  const rows = await db.$queryRaw<
    { id: bigint; occurred_at: Date; action: string; actor_type: string; volunteer_id: string | null }[]
  >`
    select e.id, e.occurred_at, e.action, e.actor_type::text as actor_type,
      coalesce(p.volunteer_id, x.volunteer_id, cr_p.volunteer_id) as volunteer_id
    from audit_events e
    left join participations p on e.subject_type = 'participation' and p.id = e.subject_id
    left join expressions_of_interest x on e.subject_type = 'expression_of_interest' and x.id = e.subject_id
    left join consent_records cr on e.subject_type = 'consent_record' and cr.id = e.subject_id
    left join participations cr_p on cr_p.id = cr.participation_id
    where e.subject_type in ('participation', 'expression_of_interest', 'consent_record')
    order by e.id desc limit ${limit}`;
  return rows.map((r) => ({
    id: r.id.toString(),
    occurredAt: r.occurred_at,
    action: r.action,
    actorType: r.actor_type,
    volunteerId: r.volunteer_id,
  }));
}
