import type { Metadata } from "next";
import Link from "next/link";
import { BulkInvite, BulkInviteButton, BulkInviteForm } from "@/components/admin/BulkInvite";
import { Pagination } from "@/components/admin/Pagination";
import { Select } from "@/components/admin/Select";
import { VolunteersTable, type SortLink, type VolunteersTableProps } from "@/components/admin/VolunteersTable";
import { Button, InsetText, TextInput, WarningCallout } from "@/components/nhs";
import {
  listPartnershipCountries,
  listVolunteers,
  type ListedStudy,
  type ListedVolunteer,
  type VolunteerList,
} from "@/lib/volunteers/list-volunteers";
import { PARTICIPATION_STATUSES, isFirstInvitation } from "@/lib/participation/status";
import { statusForResearchers } from "@/lib/participation/status-words";
import {
  SEARCH_MAX_LENGTH,
  defaultOrder,
  parseVolunteerListQuery,
  stageLabels,
  stages,
  volunteerListHref,
  type QueryParams,
  type Sort,
  type VolunteerListQuery,
} from "@/lib/volunteers/volunteer-list-query";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { listQuestionFilters } from "@/lib/volunteers/list-question-filters";
import type { QuestionFilter } from "@/lib/volunteers/question-filters";
import { bulkInviteAction } from "./actions";

export const metadata: Metadata = { title: "Volunteers" };

const numberFormat = new Intl.NumberFormat("en-GB");
/** "21 Nov 2026": short months keep the table narrow (UK time, as lib/text/uk-dates.ts). */
const shortDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "Europe/London",
});

export default async function VolunteersPage({ searchParams }: { searchParams: Promise<QueryParams> }) {
  const researcher = await requireResearcher();
  const params = await searchParams;
  const db = getDb();
  // The study's own questions when the list is filtered by a study, else those of every study.
  const studyParam = Array.isArray(params.study) ? params.study[0] : params.study;
  const questionFilters = await listQuestionFilters(db, researcher, studyParam?.trim() || undefined);
  const parsed = parseVolunteerListQuery(params, questionFilters);
  const [list, countries] = await Promise.all([
    listVolunteers(db, researcher, parsed.query),
    listPartnershipCountries(db, researcher),
  ]);
  const problems = [...parsed.problems, ...list.problems];
  // What the list really shows: a study that does not exist is left out, a page beyond the end is the last.
  const query: VolunteerListQuery = { ...parsed.query, study: list.study?.slug, page: list.page };
  const invitable = (v: ListedVolunteer) => {
    const p = list.study ? v.participations.find((x) => x.studyId === list.study!.id) : undefined;
    return p && !v.erased && isFirstInvitation(p.status) && p.eligibility === "ELIGIBLE" ? p : undefined;
  };
  const firstInvitable = list.volunteers.map(invitable).find(Boolean);
  const canInvite = list.study !== null && list.study.status === "RECRUITING";

  const page = (
    <>
      {canInvite ? (
        <BulkInviteForm
          studyId={list.study!.id}
          firstCheckboxId={firstInvitable ? `invite-${firstInvitable.id}` : null}
        />
      ) : null}
      <h1 className="nhsuk-heading-l">Volunteers</h1>
      <p>
        <Link
          href={list.study ? `/admin/volunteers/diversity?study=${list.study.slug}` : "/admin/volunteers/diversity"}
        >
          Diversity of the sample
        </Link>
      </p>
      {problems.length > 0 ? (
        <WarningCallout heading="Some of the address was not used" headingLevel={2}>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </WarningCallout>
      ) : null}
      <FilterForm query={query} studies={list.studies} countries={countries} questionFilters={questionFilters} />
      <h2 className="nhsuk-heading-m" id="results-heading">
        Results
      </h2>
      {query.stage ? (
        <InsetText>
          <p>
            Showing volunteers at the stage <strong>{stageLabels[query.stage]}</strong>
            {list.study ? ` in ${list.study.shortTitle}` : " in any study"}, as the overview counts them.{" "}
            <Link href={volunteerListHref(query, { stage: undefined, page: 1 })}>Show every stage</Link>
          </p>
        </InsetText>
      ) : null}
      <p role="status">
        {list.total === 0 ? (
          "No volunteers match."
        ) : (
          <>
            <strong>{numberFormat.format(list.total)}</strong>{" "}
            {list.total === 1 ? "volunteer matches" : "volunteers match"}. Page {list.page} of {list.pageCount}.
          </>
        )}
      </p>
      {list.volunteers.length > 0 ? (
        <VolunteersTable
          {...volunteersTableProps(list, query, questionFilters, canInvite ? invitable : () => undefined)}
        />
      ) : null}
      {canInvite && firstInvitable ? (
        <BulkInviteButton studyTitle={list.study!.shortTitle} />
      ) : list.study === null && list.volunteers.length > 0 ? (
        <p className="nhsuk-hint">To invite several volunteers at once, filter the list by a study.</p>
      ) : null}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(n) => volunteerListHref(query, { page: n })}
        label="Pages of volunteers"
      />
    </>
  );
  return canInvite ? <BulkInvite action={bulkInviteAction}>{page}</BulkInvite> : page;
}

function FilterForm({
  query,
  studies,
  countries,
  questionFilters,
}: {
  query: VolunteerListQuery;
  studies: ListedStudy[];
  countries: string[];
  questionFilters: QuestionFilter[];
}) {
  const statusOptions = PARTICIPATION_STATUSES.map((s) => ({
    value: s.toLowerCase(),
    label: statusForResearchers[s].label,
  }));
  const countryOptions = countries.map((c) => ({ value: c, label: c }));
  // A country in the address that no one has given still shows as chosen.
  if (query.country && !countries.includes(query.country))
    countryOptions.unshift({ value: query.country, label: query.country });
  return (
    <form method="get" action="/admin/volunteers" role="search" aria-label="Volunteers" className="app-filter-form">
      <TextInput
        id="q"
        name="q"
        type="search"
        label="Search by name or email address"
        hint="Any part of a name or address, for example “smith” or “@leeds”"
        defaultValue={query.q ?? ""}
        maxLength={SEARCH_MAX_LENGTH}
        autoComplete="off"
        spellCheck={false}
        className="nhsuk-u-width-two-thirds"
      />
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Filter</legend>
        <div className="app-filter-grid">
          <Select
            id="study"
            name="study"
            label="Study"
            emptyLabel="Any study"
            options={studies.map((s) => ({ value: s.slug, label: s.shortTitle }))}
            defaultValue={query.study ?? ""}
          />
          <Select
            id="status"
            name="status"
            label="Status"
            emptyLabel="Any status"
            options={statusOptions}
            defaultValue={query.status?.toLowerCase() ?? ""}
          />
          <Select
            id="eligibility"
            name="eligibility"
            label="Eligibility"
            emptyLabel="Eligible or not"
            options={[
              { value: "eligible", label: "Eligible" },
              { value: "ineligible", label: "Not eligible" },
            ]}
            defaultValue={query.eligibility?.toLowerCase() ?? ""}
          />
          <Select
            id="stage"
            name="stage"
            label="Stage"
            emptyLabel="Any stage"
            options={stages.map((s) => ({ value: s, label: stageLabels[s] }))}
            defaultValue={query.stage ?? ""}
          />
          {questionFilters.map((f) => (
            <Select
              key={f.code}
              id={`answer-${f.code}`}
              name={f.code}
              label={f.label}
              hint={f.kind === "several-choices" ? "People who chose this answer, among others" : undefined}
              emptyLabel="Any answer"
              options={f.options}
              defaultValue={query.answers?.find((a) => a.code === f.code)?.value ?? ""}
            />
          ))}
          <Select
            id="country"
            name="country"
            label="Partnership country"
            emptyLabel="Any country"
            options={countryOptions}
            defaultValue={query.country ?? ""}
          />
        </div>
      </fieldset>
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Sort</legend>
        <div className="app-filter-grid">
          <Select
            id="sort"
            name="sort"
            label="Sort by"
            options={[
              { value: "registered", label: "Date registered" },
              { value: "name", label: "Name" },
              { value: "status", label: "Status" },
            ]}
            defaultValue={query.sort}
          />
          <Select
            id="order"
            name="order"
            label="Order"
            options={[
              { value: "asc", label: "A to Z, oldest first" },
              { value: "desc", label: "Z to A, newest first" },
            ]}
            defaultValue={query.order}
          />
        </div>
      </fieldset>
      <div className="app-button-group">
        <Button>Apply</Button>
        <Link href="/admin/volunteers">Clear search and filters</Link>
      </div>
    </form>
  );
}

/** The table's data, small and plain: the client component renders it, so the page's payload stays light. */
function volunteersTableProps(
  list: VolunteerList,
  query: VolunteerListQuery,
  questionFilters: QuestionFilter[],
  invitable: (v: ListedVolunteer) => { id: string } | undefined,
): VolunteersTableProps {
  const sortLink = (sort: Sort): SortLink => {
    const current = query.sort === sort;
    return {
      href: volunteerListHref(query, {
        sort,
        order: current ? (query.order === "asc" ? "desc" : "asc") : defaultOrder[sort],
        page: 1,
      }),
      current: current ? query.order : null,
    };
  };
  // The words for a stored answer code, as the published questions put it (the code itself if none does).
  const answerLabel = (code: string, value: string) =>
    questionFilters.find((f) => f.code === code)?.options.find((o) => o.value === value)?.label ?? value;
  // Sorting by status sorts by the filtered study's, or else the first study's.
  const statusStudy = list.study ?? list.studies[0];
  return {
    caption: `Volunteers, page ${list.page} of ${list.pageCount}${query.sort === "status" && list.statusSortStudy ? `, sorted by status in ${list.statusSortStudy.shortTitle}` : ""}`,
    name: sortLink("name"),
    registered: sortLink("registered"),
    studies: list.studies.map((s) => ({
      id: s.id,
      shortTitle: s.shortTitle,
      sort: s.id === statusStudy?.id ? sortLink("status") : null,
    })),
    rows: list.volunteers.map((v) => ({
      id: v.id,
      fullName: v.fullName,
      email: v.email,
      erased: v.erased,
      staffGroup: v.staffGroup ? answerLabel("staffGroup", v.staffGroup) : "Not given",
      region: v.region ? answerLabel("region", v.region) : "Not given",
      country: v.partnershipCountry ?? "Not given",
      registered: shortDate.format(v.registeredAt),
      studies: list.studies.map((s) => {
        const p = v.participations.find((x) => x.studyId === s.id);
        return p ? { status: p.status, eligibility: p.eligibility, overridden: p.overridden } : null;
      }),
      invite: invitable(v)?.id ?? null,
    })),
  };
}
