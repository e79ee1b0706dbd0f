import { Prisma } from "@/lib/generated/prisma/client";
import type { Stage } from "@/lib/volunteers/volunteer-list-query";

const sql = Prisma.sql;

/**
 * What each funnel stage means, on a participation aliased `p`: the overview counts with these and the
 * volunteers list filters with them, so a number on the overview links to exactly the people it counts.
 */
export function stageCondition(stage: Stage): Prisma.Sql {
  switch (stage) {
    case "registered":
      return sql`true`;
    case "eligible":
      return sql`coalesce(p.eligibility_override, p.eligibility) = 'ELIGIBLE'`;
    case "invited":
      return sql`p.invited_at is not null`;
    case "consented":
      return sql`p.consented_at is not null`;
    case "active":
      return sql`p.consented_at is not null and p.status <> 'WITHDRAWN'`;
    case "scheduled":
      return sql`p.status in ('SCHEDULED', 'COMPLETED')`;
    case "completed":
      return sql`p.status = 'COMPLETED'`;
    case "withdrawn":
      return sql`p.status = 'WITHDRAWN'`;
    case "declined":
      return sql`p.status = 'DECLINED'`;
    case "waitlisted":
      return sql`p.status = 'WAITLISTED'`;
  }
}
