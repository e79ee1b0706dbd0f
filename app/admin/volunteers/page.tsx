import type { Metadata } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { BulkInvite, BulkInviteButton, BulkInviteForm, BULK_INVITE_FORM } from "@/components/admin/BulkInvite";
import { Pagination } from "@/components/admin/Pagination";
import { Select } from "@/components/admin/Select";
import { Button, InsetText, Tag, TextInput, WarningCallout } from "@/components/nhs";
import { listPartnershipCountries, listVolunteers, type ListedStudy, type ListedVolunteer } from "@/lib/admin/volunteers/list-volunteers";
import { eligibilityForResearchers, statusForResearchers } from "@/lib/admin/volunteers/status-labels";
import {
  SEARCH_MAX_LENGTH,
  defaultOrder,
  parseVolunteerListQuery,
  participationStatuses,
  stageLabels,
  stages,
  volunteerListHref,
  type QueryParams,
  type Sort,
  type VolunteerListQuery,
} from "@/lib/admin/volunteers/volunteer-list-query";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { labelOf, regionOptions, staffGroupOptions } from "@/lib/registration/questions";
import { bulkInviteAction } from "./actions";

export const metadata: Metadata = { title: "Volunteers" };

const numberFormat = new Intl.NumberFormat("en-GB");
/** "21 Nov 2026": short months keep the table narrow (UK time, as lib/text/uk-dates.ts). */
const shortDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "Europe/London" });

export default async function VolunteersPage({ searchParams }: { searchParams: Promise<QueryParams> }) {
  const researcher = await requireResearcher();
  const parsed = parseVolunteerListQuery(await searchParams);
  const db = getDb();
  const [list, countries] = await Promise.all([listVolunteers(db, researcher, parsed.query), listPartnershipCountries(db, researcher)]);
  const problems = [...parsed.problems, ...list.problems];
  // What the list really shows: a study that does not exist is left out, a page beyond the end is the last.
  const query: VolunteerListQuery = { ...parsed.query, study: list.study?.slug, page: list.page };
  const invitable = (v: ListedVolunteer) => {
    const p = list.study ? v.participations.find((x) => x.studyId === list.study!.id) : undefined;
    return p && !v.erased && p.status === "ELIGIBLE" && p.eligibility === "ELIGIBLE" ? p : undefined;
  };
  const firstInvitable = list.volunteers.map(invitable).find(Boolean);
  const canInvite = list.study !== null && list.study.status === "RECRUITING";

  const page = (
    <>
      {canInvite ? <BulkInviteForm studyId={list.study!.id} firstCheckboxId={firstInvitable ? `invite-${firstInvitable.id}` : null} /> : null}
      <h1 className="nhsuk-heading-l">Volunteers</h1>
      <p>
        <Link href={list.study ? `/admin/volunteers/diversity?study=${list.study.slug}` : "/admin/volunteers/diversity"}>Diversity of the sample</Link>
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
      <FilterForm query={query} studies={list.studies} countries={countries} />
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
            <strong>{numberFormat.format(list.total)}</strong> {list.total === 1 ? "volunteer matches" : "volunteers match"}. Page {list.page} of {list.pageCount}.
          </>
        )}
      </p>
      {list.volunteers.length > 0 ? <VolunteersTable list={list} query={query} invitable={canInvite ? invitable : () => undefined} /> : null}
      {canInvite && firstInvitable ? (
        <BulkInviteButton studyTitle={list.study!.shortTitle} />
      ) : list.study === null && list.volunteers.length > 0 ? (
        <p className="nhsuk-hint">To invite several volunteers at once, filter the list by a study.</p>
      ) : null}
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(n) => volunteerListHref(query, { page: n })} label="Pages of volunteers" />
    </>
  );
  return canInvite ? <BulkInvite action={bulkInviteAction}>{page}</BulkInvite> : page;
}

function FilterForm({ query, studies, countries }: { query: VolunteerListQuery; studies: ListedStudy[]; countries: string[] }) {
  const statusOptions = participationStatuses.map((s) => ({ value: s, label: statusForResearchers[s.toUpperCase() as keyof typeof statusForResearchers].label }));
  const countryOptions = countries.map((c) => ({ value: c, label: c }));
  // A country in the address that no one has given still shows as chosen.
  if (query.country && !countries.includes(query.country)) countryOptions.unshift({ value: query.country, label: query.country });
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
          <Select id="study" name="study" label="Study" emptyLabel="Any study" options={studies.map((s) => ({ value: s.slug, label: s.shortTitle }))} defaultValue={query.study ?? ""} />
          <Select id="status" name="status" label="Status" emptyLabel="Any status" options={statusOptions} defaultValue={query.status?.toLowerCase() ?? ""} />
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
          <Select id="stage" name="stage" label="Stage" emptyLabel="Any stage" options={stages.map((s) => ({ value: s, label: stageLabels[s] }))} defaultValue={query.stage ?? ""} />
          <Select id="staffGroup" name="staffGroup" label="Staff group" emptyLabel="Any staff group" options={staffGroupOptions} defaultValue={query.staffGroup ?? ""} />
          <Select id="region" name="region" label="Region" emptyLabel="Any region" options={regionOptions} defaultValue={query.region ?? ""} />
          <Select id="country" name="country" label="Partnership country" emptyLabel="Any country" options={countryOptions} defaultValue={query.country ?? ""} />
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

function VolunteersTable({
  list,
  query,
  invitable,
}: {
  list: Awaited<ReturnType<typeof listVolunteers>>;
  query: VolunteerListQuery;
  invitable: (v: ListedVolunteer) => { id: string } | undefined;
}) {
  const selectable = list.volunteers.some((v) => invitable(v));
  const sortHeader = (sort: Sort, label: string, description: string) => {
    const current = query.sort === sort;
    const order = current ? (query.order === "asc" ? "desc" : "asc") : defaultOrder[sort];
    return (
      <th scope="col" className="nhsuk-table__header" role="columnheader" data-sort="" aria-sort={current ? (query.order === "asc" ? "ascending" : "descending") : undefined}>
        <Link className="nhsuk-link" href={volunteerListHref(query, { sort, order, page: 1 })} prefetch={false}>
          {label}
          <span className="nhsuk-u-visually-hidden">, sort by {description}</span>
        </Link>
      </th>
    );
  };
  const heading = (text: string) => (
    <span className="nhsuk-table__heading" aria-hidden="true">
      {text}{" "}
    </span>
  );
  return (
    <div className="app-table-scroll">
      <table className="nhsuk-table nhsuk-table--responsive nhsuk-table--compact app-volunteers-table" role="table" id="volunteers" aria-describedby="results-heading">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
          Volunteers, page {list.page} of {list.pageCount}
          {query.sort === "status" && list.statusSortStudy ? `, sorted by status in ${list.statusSortStudy.shortTitle}` : ""}
        </caption>
        <thead className="nhsuk-table__head" role="rowgroup">
          <tr className="nhsuk-table__row" role="row">
            {selectable ? (
              <th scope="col" className="nhsuk-table__header" role="columnheader">
                <span className="nhsuk-u-visually-hidden">Select to invite</span>
              </th>
            ) : null}
            {sortHeader("name", "Name", "name")}
            <th scope="col" className="nhsuk-table__header" role="columnheader">
              Email
            </th>
            <th scope="col" className="nhsuk-table__header" role="columnheader">
              Staff group
            </th>
            <th scope="col" className="nhsuk-table__header" role="columnheader">
              Region
            </th>
            <th scope="col" className="nhsuk-table__header" role="columnheader">
              Partnership country
            </th>
            {list.studies.map((s) =>
              // Sorting by status sorts by the filtered study's, or else the first study's.
              s.id === (list.study ?? list.studies[0])?.id ? (
                <Fragment key={s.id}>{sortHeader("status", s.shortTitle, `status in ${s.shortTitle}`)}</Fragment>
              ) : (
                <th key={s.id} scope="col" className="nhsuk-table__header" role="columnheader">
                  {s.shortTitle}
                </th>
              ),
            )}
            {sortHeader("registered", "Registered", "date registered")}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body" role="rowgroup">
          {list.volunteers.map((v) => {
            const toInvite = invitable(v);
            return (
              <tr key={v.id} className="nhsuk-table__row" role="row">
                {selectable ? (
                  <td className={`nhsuk-table__cell${toInvite ? "" : " app-cell--empty"}`} role="cell">
                    {toInvite ? (
                      <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                        <div className="nhsuk-checkboxes__item">
                          <input className="nhsuk-checkboxes__input" id={`invite-${toInvite.id}`} name="participationId" type="checkbox" value={toInvite.id} form={BULK_INVITE_FORM} />
                          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`invite-${toInvite.id}`}>
                            <span className="app-label--phone-only">Invite</span>
                            <span className="nhsuk-u-visually-hidden"> {v.fullName}</span>
                          </label>
                        </div>
                      </div>
                    ) : null}
                  </td>
                ) : null}
                <td className="nhsuk-table__cell" role="cell">
                  {heading("Name")}
                  <span>
                    <Link href={`/admin/volunteers/${v.id}`} prefetch={false}>{v.fullName}</Link>
                    {v.erased ? (
                      <>
                        {" "}
                        <Tag colour="grey">Erased</Tag>
                      </>
                    ) : null}
                  </span>
                </td>
                <td className="nhsuk-table__cell" role="cell">
                  {heading("Email")}
                  <span className="app-email">{breakableEmail(v.email)}</span>
                </td>
                <td className="nhsuk-table__cell" role="cell">
                  {heading("Staff group")}
                  <span>{v.staffGroup ? labelOf(staffGroupOptions, v.staffGroup) : "Not given"}</span>
                </td>
                <td className="nhsuk-table__cell" role="cell">
                  {heading("Region")}
                  <span>{v.region ? labelOf(regionOptions, v.region) : "Not given"}</span>
                </td>
                <td className="nhsuk-table__cell" role="cell">
                  {heading("Partnership country")}
                  <span>{v.partnershipCountry ?? "Not given"}</span>
                </td>
                {list.studies.map((s) => {
                  const p = v.participations.find((x) => x.studyId === s.id);
                  return (
                    <td key={s.id} className="nhsuk-table__cell" role="cell">
                      {heading(s.shortTitle)}
                      {p ? (
                        <span className="app-tag-stack">
                          <Tag colour={statusForResearchers[p.status].colour}>{statusForResearchers[p.status].label}</Tag>
                          <Tag colour={eligibilityForResearchers[p.eligibility].colour}>
                            {eligibilityForResearchers[p.eligibility].label}
                            {p.overridden ? " (override)" : ""}
                          </Tag>
                        </span>
                      ) : (
                        <span>Not registered</span>
                      )}
                    </td>
                  );
                })}
                <td className="nhsuk-table__cell" role="cell">
                  {heading("Registered")}
                  <span className="app-nowrap">{shortDate.format(v.registeredAt)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** An address that may wrap after its dots and before its "@", rather than anywhere or not at all. */
function breakableEmail(email: string) {
  const parts = email.split(/(?<=\.)|(?=@)/);
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}
