import "server-only";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import {
  Prisma,
  type EligibilityOutcome,
  type ParticipationStatus,
  type StudyKind,
} from "@/lib/generated/prisma/client";
import { stageCondition } from "@/lib/recruitment/funnel-stages";
import { answersContainment } from "./question-filters";
import { PAGE_SIZE, unknownStudyProblem, type VolunteerListQuery } from "./volunteer-list-query";

export type ListedStudy = {
  id: string;
  slug: string;
  title: string;
  shortTitle: string;
  kind: StudyKind;
  status: string;
};

export type ListedParticipation = {
  id: string;
  studyId: string;
  status: ParticipationStatus;
  /** The outcome that counts: a researcher's override when there is one, else the computed one. */
  eligibility: EligibilityOutcome;
  overridden: boolean;
};

export type ListedVolunteer = {
  id: string;
  fullName: string;
  email: string;
  staffGroup: string | null;
  region: string | null;
  partnershipCountry: string | null;
  registeredAt: Date;
  erased: boolean;
  participations: ListedParticipation[];
};

export type VolunteerList = {
  studies: ListedStudy[];
  /** The study the list is filtered by, when there is one. */
  study: ListedStudy | null;
  /** The study whose status the "status" sort uses: the filtered one, else the first. */
  statusSortStudy: ListedStudy | null;
  volunteers: ListedVolunteer[];
  total: number;
  page: number;
  pageCount: number;
  /** Problems found while running the query (e.g. a study that does not exist); the rest still applies. */
  problems: string[];
};

type Row = {
  id: string;
  full_name: string;
  email: string;
  staff_group: string | null;
  region: string | null;
  partnership_country: string | null;
  created_at: Date;
  erased_at: Date | null;
  participations: {
    id: string;
    studyId: string;
    status: ParticipationStatus;
    eligibility: EligibilityOutcome;
    override: EligibilityOutcome | null;
  }[];
};

const sql = Prisma.sql;

/** `%part%` for ILIKE, with the user's own % _ and \ matched literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Every study, in display order, for the filters and column headings. Any signed-in researcher may see them. */
export async function listStudiesForFilters(db: Database, _actor: Researcher): Promise<ListedStudy[]> {
  return db.study.findMany({
    select: { id: true, slug: true, title: true, shortTitle: true, kind: true, status: true },
    orderBy: [{ displayOrder: "asc" }, { createdAt: "asc" }],
  });
}

/**
 * One page of the volunteers list, with the number of volunteers that match. Two queries, whatever the
 * filters: the page (with each volunteer's participations gathered in the same query, so no query per
 * row) and the count, run side by side. Any signed-in researcher may see the list.
 *
 * A study filter joins that study's participation (at most one per volunteer); status, eligibility and
 * stage then apply to it. Without a study they apply to any one of the volunteer's participations.
 */
export async function listVolunteers(
  db: Database,
  actor: Researcher,
  query: VolunteerListQuery,
): Promise<VolunteerList> {
  const problems: string[] = [];
  const studies = await listStudiesForFilters(db, actor);
  let study: ListedStudy | null = null;
  if (query.study) {
    study = studies.find((s) => s.slug === query.study) ?? null;
    if (!study) problems.push(unknownStudyProblem);
  }
  const statusSortStudy = study ?? studies[0] ?? null;

  const volunteerConditions: Prisma.Sql[] = [];
  if (query.q) {
    const pattern = containsPattern(query.q);
    volunteerConditions.push(sql`(v.full_name ilike ${pattern} or v.email_normalised ilike ${pattern})`);
  }
  if (query.answers && query.answers.length > 0) {
    // One containment test for every chosen answer, answered by the GIN index on screening_answers; the
    // JSON is a parameter, never part of the SQL text.
    volunteerConditions.push(sql`v.screening_answers @> ${JSON.stringify(answersContainment(query.answers))}::jsonb`);
  }
  if (query.country) volunteerConditions.push(sql`v.partnership_country = ${query.country}`);

  const participationConditions: Prisma.Sql[] = [];
  if (query.status) participationConditions.push(sql`p.status = ${query.status}::participation_status`);
  if (query.eligibility)
    participationConditions.push(
      sql`coalesce(p.eligibility_override, p.eligibility) = ${query.eligibility}::eligibility_outcome`,
    );
  if (query.stage) participationConditions.push(stageCondition(query.stage));

  let from: Prisma.Sql;
  const where = [...volunteerConditions];
  if (study) {
    from = sql`volunteers v join participations p on p.volunteer_id = v.id and p.study_id = ${study.id}::uuid`;
    where.push(...participationConditions);
  } else {
    from = sql`volunteers v`;
    if (participationConditions.length > 0) {
      where.push(
        sql`exists (select 1 from participations p where p.volunteer_id = v.id and ${Prisma.join(participationConditions, " and ")})`,
      );
    }
  }
  const whereClause = where.length > 0 ? sql`where ${Prisma.join(where, " and ")}` : Prisma.empty;

  // The status sort needs the sorting study's participation; volunteers without one come last.
  let sortStatus: Prisma.Sql = sql`null::participation_status`;
  if (query.sort === "status" && statusSortStudy) {
    if (study) {
      sortStatus = sql`p.status`;
    } else {
      from = sql`${from} left join participations sp on sp.volunteer_id = v.id and sp.study_id = ${statusSortStudy.id}::uuid`;
      sortStatus = sql`sp.status`;
    }
  }
  const direction = query.order === "asc" ? sql`asc` : sql`desc`;
  // The same order inside (to pick the page, on the joined tables) and outside (to keep it, on the page's columns).
  const orderBy = (keys: { name: Prisma.Sql; status: Prisma.Sql; registered: Prisma.Sql; id: Prisma.Sql }) => {
    switch (query.sort) {
      case "name":
        return sql`${keys.name} ${direction}, ${keys.id} ${direction}`;
      case "registered":
        return sql`${keys.registered} ${direction}, ${keys.id} ${direction}`;
      case "status":
        return sql`${keys.status} ${direction} nulls last, ${keys.name} asc, ${keys.id} asc`;
    }
  };
  const inner = orderBy({
    name: sql`lower(v.full_name)`,
    status: sortStatus,
    registered: sql`v.created_at`,
    id: sql`v.id`,
  });
  const outer = orderBy({
    name: sql`page.sort_name`,
    status: sql`page.sort_status`,
    registered: sql`page.created_at`,
    id: sql`page.id`,
  });

  // With a study and nothing asked of the volunteer, the count needs the participations only (an index scan).
  const countQuery =
    study && volunteerConditions.length === 0
      ? db.$queryRaw<{ total: number }[]>`
          select count(*)::int as total from participations p
          where ${Prisma.join([sql`p.study_id = ${study.id}::uuid`, ...participationConditions], " and ")}`
      : db.$queryRaw<{ total: number }[]>`select count(*)::int as total from ${from} ${whereClause}`;
  const pageQuery = (page: number) => db.$queryRaw<Row[]>`
    select page.id, page.full_name, page.email, page.staff_group, page.region, page.partnership_country, page.created_at, page.erased_at,
      (select coalesce(json_agg(json_build_object('id', x.id, 'studyId', x.study_id, 'status', x.status, 'eligibility', x.eligibility,
                                                  'override', x.eligibility_override)), '[]'::json)
       from participations x where x.volunteer_id = page.id) as participations
    from (
      select v.id, v.full_name, v.email, v.staff_group, v.region, v.partnership_country, v.created_at, v.erased_at,
        lower(v.full_name) as sort_name, ${sortStatus} as sort_status
      from ${from} ${whereClause}
      order by ${inner}
      limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}
    ) page
    order by ${outer}`;

  let page = query.page;
  const [firstRows, counted] = await Promise.all([pageQuery(page), countQuery]);
  let rows = firstRows;
  const total = counted[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pageCount) {
    // An address for a page beyond the end (the list has shrunk since the link was made): the last page.
    problems.push(
      `There is no page ${page}: the list has ${pageCount} ${pageCount === 1 ? "page" : "pages"}, so the last one is shown.`,
    );
    page = pageCount;
    rows = await pageQuery(page);
  }

  return {
    studies,
    study,
    statusSortStudy: query.sort === "status" ? statusSortStudy : null,
    volunteers: rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      email: r.email,
      staffGroup: r.staff_group,
      region: r.region,
      partnershipCountry: r.partnership_country,
      registeredAt: r.created_at,
      erased: r.erased_at !== null,
      participations: r.participations.map((p) => ({
        id: p.id,
        studyId: p.studyId,
        status: p.status,
        eligibility: p.override ?? p.eligibility,
        overridden: p.override !== null,
      })),
    })),
    total,
    page,
    pageCount,
    problems,
  };
}

/**
 * Every partnership country volunteers have given, for the filter's choices. Read by walking the index
 * one distinct value at a time (a "loose index scan"), so it costs one probe per country, not a scan of
 * every volunteer.
 */
export async function listPartnershipCountries(db: Database, _actor: Researcher): Promise<string[]> {
  const rows = await db.$queryRaw<{ country: string }[]>`
    with recursive c(country) as (
      (select partnership_country from volunteers where partnership_country is not null order by partnership_country limit 1)
      union all
      select (select partnership_country from volunteers where partnership_country > c.country order by partnership_country limit 1)
      from c where c.country is not null
    )
    select country from c where country is not null`;
  return rows.map((r) => r.country);
}
