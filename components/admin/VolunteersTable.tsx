"use client";

import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import { Tag } from "@/components/nhs";
import { eligibilityForResearchers, statusForResearchers } from "@/lib/participation/status-words";
import type { EligibilityOutcome, ParticipationStatus } from "@/lib/generated/prisma/enums";
import { BULK_INVITE_FORM } from "./BulkInvite";

export type SortLink = { href: string; current: "asc" | "desc" | null };

export type VolunteersTableProps = {
  caption: string;
  name: SortLink;
  registered: SortLink;
  /** The studies' columns; the one the status sort uses has a sort link. */
  studies: { id: string; shortTitle: string; sort: SortLink | null }[];
  rows: {
    id: string;
    fullName: string;
    email: string;
    erased: boolean;
    staffGroup: string;
    region: string;
    country: string;
    /** Formatted on the server, in UK time. */
    registered: string;
    /** One a study column, null where the person has not registered for it. */
    studies: ({ status: ParticipationStatus; eligibility: EligibilityOutcome; overridden: boolean } | null)[];
    /** The participation a tick box would invite, when the person can be invited from this list. */
    invite: string | null;
  }[];
};

/**
 * The volunteers list's table (nhsuk responsive table: stacked on a phone). A client component only so
 * that the page sends the rows as data rather than as a rendered tree twice (HTML and React's payload);
 * it has no state and renders the same on the server. Tick boxes belong to the bulk invitation form
 * through their `form` attribute.
 */
export function VolunteersTable({ caption, name, registered, studies, rows }: VolunteersTableProps) {
  const selectable = rows.some((r) => r.invite);
  return (
    <div className="app-table-scroll">
      <table
        className="nhsuk-table nhsuk-table--responsive nhsuk-table--compact app-volunteers-table"
        role="table"
        id="volunteers"
        aria-describedby="results-heading"
      >
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{caption}</caption>
        <thead className="nhsuk-table__head" role="rowgroup">
          <tr className="nhsuk-table__row" role="row">
            {selectable ? (
              <th scope="col" className="nhsuk-table__header" role="columnheader">
                <span className="nhsuk-u-visually-hidden">Select to invite</span>
              </th>
            ) : null}
            <SortHeader link={name} label="Name" description="name" />
            <Header>Email</Header>
            <Header>Staff group</Header>
            <Header>Region</Header>
            <Header>Partnership country</Header>
            {studies.map((s) =>
              s.sort ? (
                <SortHeader key={s.id} link={s.sort} label={s.shortTitle} description={`status in ${s.shortTitle}`} />
              ) : (
                <Header key={s.id}>{s.shortTitle}</Header>
              ),
            )}
            <SortHeader link={registered} label="Registered" description="date registered" />
          </tr>
        </thead>
        <tbody className="nhsuk-table__body" role="rowgroup">
          {rows.map((v) => (
            <tr key={v.id} className="nhsuk-table__row" role="row">
              {selectable ? (
                <td className={v.invite ? "nhsuk-table__cell" : "nhsuk-table__cell app-cell--empty"} role="cell">
                  {v.invite ? (
                    <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                      <div className="nhsuk-checkboxes__item">
                        <input
                          className="nhsuk-checkboxes__input"
                          id={`invite-${v.invite}`}
                          name="participationId"
                          type="checkbox"
                          value={v.invite}
                          form={BULK_INVITE_FORM}
                        />
                        <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`invite-${v.invite}`}>
                          <span className="app-label--phone-only">Invite</span>
                          <span className="nhsuk-u-visually-hidden"> {v.fullName}</span>
                        </label>
                      </div>
                    </div>
                  ) : null}
                </td>
              ) : null}
              <Cell heading="Name">
                <Link href={`/admin/volunteers/${v.id}`} prefetch={false}>
                  {v.fullName}
                </Link>
                {v.erased ? (
                  <>
                    {" "}
                    <Tag colour="grey">Erased</Tag>
                  </>
                ) : null}
              </Cell>
              <Cell heading="Email" className="app-email">
                {breakableEmail(v.email)}
              </Cell>
              <Cell heading="Staff group">{v.staffGroup}</Cell>
              <Cell heading="Region">{v.region}</Cell>
              <Cell heading="Partnership country">{v.country}</Cell>
              {studies.map((s, i) => {
                const p = v.studies[i];
                return (
                  <Cell key={s.id} heading={s.shortTitle} className={p ? "app-tag-stack" : undefined}>
                    {p ? (
                      <>
                        <Tag colour={statusForResearchers[p.status].colour}>{statusForResearchers[p.status].label}</Tag>
                        <Tag colour={eligibilityForResearchers[p.eligibility].colour}>
                          {eligibilityForResearchers[p.eligibility].label}
                          {p.overridden ? " (override)" : ""}
                        </Tag>
                      </>
                    ) : (
                      "Not registered"
                    )}
                  </Cell>
                );
              })}
              <Cell heading="Registered" className="app-nowrap">
                {v.registered}
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Header({ children }: { children: ReactNode }) {
  return (
    <th scope="col" className="nhsuk-table__header" role="columnheader">
      {children}
    </th>
  );
}

function SortHeader({ link, label, description }: { link: SortLink; label: string; description: string }) {
  return (
    <th
      scope="col"
      className="nhsuk-table__header"
      role="columnheader"
      data-sort=""
      aria-sort={link.current === "asc" ? "ascending" : link.current === "desc" ? "descending" : undefined}
    >
      <Link className="nhsuk-link" href={link.href} prefetch={false}>
        {label}
        <span className="nhsuk-u-visually-hidden">, sort by {description}</span>
      </Link>
    </th>
  );
}

/** A cell with the heading a phone shows beside it (the table's head is hidden when stacked). */
function Cell({
  heading,
  className,
  children,
}: {
  heading: string;
  className?: string | undefined;
  children: ReactNode;
}) {
  return (
    <td className="nhsuk-table__cell" role="cell">
      <span className="nhsuk-table__heading" aria-hidden="true">
        {heading}{" "}
      </span>
      <span className={className}>{children}</span>
    </td>
  );
}

/** An address that may wrap after its dots and before its "@", rather than anywhere or not at all. */
function breakableEmail(email: string) {
  return email.split(/(?<=\.)|(?=@)/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}
