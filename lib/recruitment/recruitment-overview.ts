import type { Database } from "@/lib/db/prisma";
import type { Researcher } from "@/lib/auth/researcher-session";
import { stageCondition } from "./funnel-stages";

export type StudyFunnel = {
  studyId: string;
  slug: string;
  title: string;
  status: string;
  targetMin: number | null;
  targetMax: number | null;
  /** Each stage counts everyone who has reached it, so the numbers read as a funnel. */
  registered: number;
  eligible: number;
  invited: number;
  consented: number;
  scheduled: number;
  completed: number;
  withdrawn: number;
  declined: number;
  waitlisted: number;
  /** Consented and still taking part: what the target is about. */
  activeConsented: number;
};

type Row = Record<
  keyof Omit<StudyFunnel, "studyId" | "slug" | "title" | "status" | "targetMin" | "targetMax">,
  bigint
> & {
  study_id: string;
  slug: string;
  title: string;
  status: string;
  target_min: number | null;
  target_max: number | null;
};

/** The recruitment funnel of every study, in one query. Any signed-in researcher may see it. */
export async function recruitmentFunnels(db: Database, _actor: Researcher): Promise<StudyFunnel[]> {
  const rows = await db.$queryRaw<Row[]>`
    select s.id as study_id, s.slug, s.title, s.status::text as status, s.target_min, s.target_max,
      count(p.id) as registered,
      count(p.id) filter (where ${stageCondition("eligible")}) as eligible,
      count(p.id) filter (where ${stageCondition("invited")}) as invited,
      count(p.id) filter (where ${stageCondition("consented")}) as consented,
      count(p.id) filter (where ${stageCondition("scheduled")}) as scheduled,
      count(p.id) filter (where ${stageCondition("completed")}) as completed,
      count(p.id) filter (where ${stageCondition("withdrawn")}) as withdrawn,
      count(p.id) filter (where ${stageCondition("declined")}) as declined,
      count(p.id) filter (where ${stageCondition("waitlisted")}) as waitlisted,
      count(p.id) filter (where ${stageCondition("active")}) as "activeConsented"
    from studies s left join participations p on p.study_id = s.id
    group by s.id order by s.display_order, s.created_at`;
  return rows.map((r) => ({
    studyId: r.study_id,
    slug: r.slug,
    title: r.title,
    status: r.status,
    targetMin: r.target_min,
    targetMax: r.target_max,
    registered: Number(r.registered),
    eligible: Number(r.eligible),
    invited: Number(r.invited),
    consented: Number(r.consented),
    scheduled: Number(r.scheduled),
    completed: Number(r.completed),
    withdrawn: Number(r.withdrawn),
    declined: Number(r.declined),
    waitlisted: Number(r.waitlisted),
    activeConsented: Number(r.activeConsented),
  }));
}
