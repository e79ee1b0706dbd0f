import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { Select } from "@/components/admin/Select";
import { Button, WarningCallout } from "@/components/nhs";
import { countSampleDiversity, type DiversityRow } from "@/lib/volunteers/count-sample-diversity";
import { listStudiesForFilters } from "@/lib/volunteers/list-volunteers";
import {
  volunteerListHref,
  type QueryParams,
  type Stage,
  type VolunteerListQuery,
} from "@/lib/volunteers/volunteer-list-query";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Diversity of the sample" };

const diversityParamsSchema = z.object({
  study: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/)
    .optional(),
});

type Dimension = "staffGroup" | "region" | "country";

/**
 * The list's filter for one row: staff group and region are the call's screening questions of those codes
 * (the list filters them on screening_answers); the partnership country is the list's own text filter.
 */
function filterOn(dimension: Dimension, value: string): Partial<VolunteerListQuery> {
  return dimension === "country" ? { country: value } : { answers: [{ code: dimension, value, several: false }] };
}

/**
 * The sample of a study (the interview study unless another is chosen) by staff group, region and
 * partnership country, so the team can invite people to fill the gaps (purposive sampling).
 */
export default async function DiversityPage({ searchParams }: { searchParams: Promise<QueryParams> }) {
  const researcher = await requireResearcher();
  const raw = (await searchParams).study;
  const parsed = diversityParamsSchema.safeParse({ study: Array.isArray(raw) ? raw[0] : raw || undefined });
  const db = getDb();
  const studies = await listStudiesForFilters(db, researcher);
  const asked = parsed.success ? parsed.data.study : undefined;
  const chosen = asked ? studies.find((s) => s.slug === asked) : undefined;
  const study = chosen ?? studies.find((s) => s.kind === "INTERVIEW") ?? studies[0];
  const problem =
    !parsed.success || (asked && !chosen)
      ? "The study in the address was not recognised, so the interview study is shown."
      : null;

  if (!study) {
    return (
      <>
        <h1 className="nhsuk-heading-l">Diversity of the sample</h1>
        <p>There are no studies yet.</p>
      </>
    );
  }
  const sample = await countSampleDiversity(db, researcher, { studyId: study.id });
  const base: VolunteerListQuery = { study: study.slug, sort: "name", order: "asc", page: 1 };

  return (
    <>
      <h1 className="nhsuk-heading-l">Diversity of the sample: {study.shortTitle}</h1>
      {problem ? (
        <WarningCallout heading="Some of the address was not used" headingLevel={2}>
          <p>{problem}</p>
        </WarningCallout>
      ) : null}
      <p>
        How the people in this study are spread across staff groups, regions and partnership countries, to help choose
        whom to invite next. <strong>Eligible</strong> counts everyone eligible (including overrides),{" "}
        <strong>invited</strong> everyone invited so far, and <strong>taking part</strong> everyone who consented and
        has not withdrawn. Each number links to the people it counts.
      </p>
      {studies.length > 1 ? (
        <form method="get" action="/admin/volunteers/diversity" className="app-button-group app-button-group--end">
          <Select
            id="study"
            name="study"
            label="Study"
            options={studies.map((s) => ({ value: s.slug, label: s.shortTitle }))}
            defaultValue={study.slug}
            formGroupClassName="nhsuk-u-margin-bottom-0"
          />
          <Button variant="secondary">Show</Button>
        </form>
      ) : null}
      <DiversityTable
        caption="By staff group"
        dimension="staffGroup"
        rows={sample.staffGroups}
        totals={sample.totals}
        base={base}
      />
      <DiversityTable caption="By region" dimension="region" rows={sample.regions} totals={sample.totals} base={base} />
      <DiversityTable
        caption="By partnership country"
        dimension="country"
        rows={sample.countries}
        totals={sample.totals}
        base={base}
      />
      <p>
        <Link href={volunteerListHref(base)}>All volunteers in {study.shortTitle}</Link>
      </p>
    </>
  );
}

function DiversityTable({
  caption,
  dimension,
  rows,
  totals,
  base,
}: {
  caption: string;
  dimension: Dimension;
  rows: DiversityRow[];
  totals: { eligible: number; invited: number; active: number };
  base: VolunteerListQuery;
}) {
  const columns: [Stage, "eligible" | "invited" | "active", string][] = [
    ["eligible", "eligible", "Eligible"],
    ["invited", "invited", "Invited"],
    ["active", "active", "Taking part"],
  ];
  const cell = (count: number, stage: Stage, value: string | null | undefined) =>
    // People who did not say cannot be filtered on, so their numbers are not links.
    count === 0 || value === null ? (
      count
    ) : (
      <Link
        prefetch={false}
        href={volunteerListHref(base, { stage, ...(value !== undefined ? filterOn(dimension, value) : {}) })}
      >
        {count}
      </Link>
    );
  return (
    <table className="nhsuk-table app-diversity-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">
            {dimension === "staffGroup" ? "Staff group" : dimension === "region" ? "Region" : "Country"}
          </th>
          {columns.map(([, , label]) => (
            <th key={label} scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.length === 0 ? (
          <tr className="nhsuk-table__row">
            <td className="nhsuk-table__cell" colSpan={4}>
              No one yet.
            </td>
          </tr>
        ) : (
          rows.map((r) => (
            <tr key={r.value ?? ""} className="nhsuk-table__row">
              <th scope="row" className="nhsuk-table__header">
                {r.label}
              </th>
              {columns.map(([stage, key]) => (
                <td key={key} className="nhsuk-table__cell nhsuk-table__cell--numeric">
                  {cell(r[key], stage, r.value)}
                </td>
              ))}
            </tr>
          ))
        )}
        <tr className="nhsuk-table__row app-table-total">
          <th scope="row" className="nhsuk-table__header">
            Total
          </th>
          {columns.map(([stage, key]) => (
            <td key={key} className="nhsuk-table__cell nhsuk-table__cell--numeric">
              {cell(totals[key], stage, undefined)}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
