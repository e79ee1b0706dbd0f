import "server-only";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { findQuestion } from "@/lib/questions/definition";
import { publishedQuestionsOfStudy } from "@/lib/questions/published-questions";

type Option = { value: string; label: string };

export type DiversityCounts = { eligible: number; invited: number; active: number };
export type DiversityRow = DiversityCounts & {
  /** The stored value the list can filter on; null for people who did not say. */
  value: string | null;
  label: string;
};
export type SampleDiversity = {
  staffGroups: DiversityRow[];
  regions: DiversityRow[];
  countries: DiversityRow[];
  totals: DiversityCounts;
};

type Row = {
  dimension: number;
  staff_group: string | null;
  region: string | null;
  partnership_country: string | null;
  eligible: number;
  invited: number;
  active: number;
};

// grouping(staff_group, region, partnership_country): a bit set for each column NOT grouped by.
const BY_STAFF_GROUP = 0b011;
const BY_REGION = 0b101;
const BY_COUNTRY = 0b110;
const TOTAL = 0b111;

/**
 * A study's sample by staff group, region and partnership country, for purposive sampling: how many are
 * eligible (a researcher's override counts), invited, and taking part (consented and not withdrawn), as
 * the overview's funnel counts them. One query (grouping sets). Any signed-in researcher may see it.
 *
 * Staff group and region are counted from the person's details (volunteers.staff_group and .region), and
 * worded and ordered as the study's published questions of those codes (staffGroup, region) word them; a
 * value no question offers is shown as stored, after the others.
 */
export async function countSampleDiversity(
  db: Database,
  _actor: Researcher,
  input: { studyId: string },
): Promise<SampleDiversity> {
  const [questions, rows] = await Promise.all([
    publishedQuestionsOfStudy(db, input.studyId),
    db.$queryRaw<Row[]>`
    select grouping(v.staff_group, v.region, v.partnership_country) as dimension, v.staff_group, v.region, v.partnership_country,
      (count(*) filter (where coalesce(p.eligibility_override, p.eligibility) = 'ELIGIBLE'))::int as eligible,
      (count(*) filter (where p.invited_at is not null))::int as invited,
      (count(*) filter (where p.consented_at is not null and p.status <> 'WITHDRAWN'))::int as active
    from participations p join volunteers v on v.id = p.volunteer_id
    where p.study_id = ${input.studyId}::uuid
      and (coalesce(p.eligibility_override, p.eligibility) = 'ELIGIBLE' or p.invited_at is not null or p.consented_at is not null)
    group by grouping sets ((v.staff_group), (v.region), (v.partnership_country), ())`,
  ]);
  const optionsOf = (code: string): Option[] =>
    (questions ? (findQuestion(questions.definition, code)?.options ?? []) : []).map((o) => ({
      value: o.code,
      label: o.label,
    }));

  const counts = (r: Row): DiversityCounts => ({ eligible: r.eligible, invited: r.invited, active: r.active });
  const notGiven = "Not given";
  const inOptionOrder = (options: readonly Option[], list: Row[], column: "staff_group" | "region"): DiversityRow[] => {
    const order = (value: string | null) => {
      const i = options.findIndex((o) => o.value === value);
      return i === -1 ? options.length : i;
    };
    return list
      .map((r) => ({
        value: r[column],
        label: r[column] === null ? notGiven : (options.find((o) => o.value === r[column])?.label ?? r[column]),
        ...counts(r),
      }))
      .sort((a, b) => order(a.value) - order(b.value) || a.label.localeCompare(b.label, "en-GB"));
  };
  const total = rows.find((r) => r.dimension === TOTAL);
  return {
    staffGroups: inOptionOrder(
      optionsOf("staffGroup"),
      rows.filter((r) => r.dimension === BY_STAFF_GROUP),
      "staff_group",
    ),
    regions: inOptionOrder(
      optionsOf("region"),
      rows.filter((r) => r.dimension === BY_REGION),
      "region",
    ),
    countries: rows
      .filter((r) => r.dimension === BY_COUNTRY)
      .map((r) => ({ value: r.partnership_country, label: r.partnership_country ?? notGiven, ...counts(r) }))
      // Largest first, as the countries are many; people who did not say last.
      .sort(
        (a, b) =>
          Number(a.value === null) - Number(b.value === null) ||
          b.eligible - a.eligible ||
          a.label.localeCompare(b.label, "en-GB"),
      ),
    totals: total ? counts(total) : { eligible: 0, invited: 0, active: 0 },
  };
}
