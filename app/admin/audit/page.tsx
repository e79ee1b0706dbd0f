import type { Metadata } from "next";
import Link from "next/link";
import { DateField } from "@/components/admin/DateField";
import { PreviousNext } from "@/components/admin/PreviousNext";
import { Cell, ResponsiveTable, Row } from "@/components/admin/ResponsiveTable";
import { SelectField } from "@/components/admin/SelectField";
import { VerifyAuditChain } from "@/components/admin/VerifyAuditChain";
import { Button, ErrorSummary } from "@/components/nhs";
import {
  ACTOR_TYPES,
  auditFilterChoices,
  auditFiltersSchema,
  listAuditEvents,
  type AuditFilters,
} from "@/lib/audit/list-audit-events";
import { describeAuditAction } from "@/lib/audit/action-words";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { formatUkDateTime } from "@/lib/text/uk-dates";
import { verifyAuditChainAction } from "./actions";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const actorWords: Record<(typeof ACTOR_TYPES)[number], string> = {
  RESEARCHER: "A researcher",
  VOLUNTEER: "A volunteer",
  PARTICIPANT: "A participant",
  SYSTEM: "The portal",
};
const subjectWords: Record<string, string> = {
  participation: "A person in a study",
  expression_of_interest: "A registration",
  consent_record: "A consent record",
  consent_form: "A consent form",
  information_sheet: "An information sheet",
  researcher: "A researcher account",
  study: "A study",
  export: "An export",
  outgoing_email: "An email",
  audit_log: "The audit log",
  volunteer: "A volunteer",
};

/** The address of this page with these filters (and a page key), for the pagination links. */
function hrefWith(filters: AuditFilters, page: { before?: string; after?: string }): string {
  const query = new URLSearchParams();
  for (const key of ["action", "subjectType", "actorType", "from", "to"] as const) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  if (page.before) query.set("before", page.before);
  if (page.after) query.set("after", page.after);
  return `/admin/audit?${query}`;
}

export default async function AuditLogPage({ searchParams }: Props) {
  const researcher = await requireResearcher();
  const raw = await searchParams;
  const filters = auditFiltersSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const db = getDb();
  const [page, choices] = await Promise.all([
    listAuditEvents(db, researcher, filters),
    auditFilterChoices(db, researcher),
  ]);
  const filtered = Boolean(filters.action || filters.subjectType || filters.actorType || filters.from || filters.to);
  const dateError = (field: "from" | "to") => page.dateErrors.find((e) => e.field === field)?.message;

  return (
    <>
      <ErrorSummary errors={page.dateErrors.map((e) => ({ href: `#${e.field}`, text: e.message }))} />
      <h1 className="nhsuk-heading-l">Audit log</h1>
      <p>
        Everything that has happened, newest first. Each event carries a fingerprint of the one before it, so a change
        made outside the portal breaks the chain at that point.
      </p>
      <VerifyAuditChain action={verifyAuditChainAction} />

      <form method="get" action="/admin/audit" className="app-filters" aria-labelledby="filter-heading">
        <h2 className="nhsuk-heading-s" id="filter-heading">
          Filter the events
        </h2>
        <div className="app-filters__fields">
          <SelectField
            id="action"
            name="action"
            label="What happened"
            defaultValue={filters.action ?? ""}
            options={[
              { value: "", label: "Anything" },
              ...choices.actions.map((a) => ({ value: a, label: describeAuditAction(a) })),
            ]}
          />
          <SelectField
            id="subjectType"
            name="subjectType"
            label="About"
            defaultValue={filters.subjectType ?? ""}
            options={[
              { value: "", label: "Anything" },
              ...choices.subjectTypes.map((s) => ({ value: s, label: subjectWords[s] ?? s })),
            ]}
          />
          <SelectField
            id="actorType"
            name="actorType"
            label="Done by"
            defaultValue={filters.actorType ?? ""}
            options={[{ value: "", label: "Anyone" }, ...ACTOR_TYPES.map((a) => ({ value: a, label: actorWords[a] }))]}
          />
          <DateField
            id="from"
            name="from"
            label="From (UK date)"
            defaultValue={filters.from}
            error={dateError("from")}
          />
          <DateField id="to" name="to" label="To (UK date)" defaultValue={filters.to} error={dateError("to")} />
        </div>
        <div className="nhsuk-button-group">
          <Button variant="secondary">Show events</Button>
          {filtered ? <Link href="/admin/audit">Clear the filters</Link> : null}
        </div>
      </form>

      {page.events.length === 0 ? (
        <p>{filtered ? "No events match these filters." : "Nothing has happened yet."}</p>
      ) : (
        <ResponsiveTable
          caption={filtered ? "Audit events matching the filters, newest first" : "Audit events, newest first"}
          headings={["Event", "Time", "What happened", "Done by", "About"]}
        >
          {page.events.map((e) => (
            <Row key={e.id}>
              <Cell heading="Event">{e.id}</Cell>
              <Cell heading="Time">{formatUkDateTime(e.occurredAt)}</Cell>
              <Cell heading="What happened">{describeAuditAction(e.action)}</Cell>
              <Cell heading="Done by">{e.actorLabel}</Cell>
              <Cell heading="About">
                {subjectWords[e.subjectType] ?? e.subjectType}
                {e.subjectLabel ? `: ${e.subjectLabel}` : ""}
                {e.volunteerId ? (
                  <>
                    {" "}
                    (
                    <Link href={`/admin/volunteers/${e.volunteerId}`}>
                      view volunteer<span className="nhsuk-u-visually-hidden"> for event {e.id}</span>
                    </Link>
                    )
                  </>
                ) : null}
              </Cell>
            </Row>
          ))}
        </ResponsiveTable>
      )}
      <PreviousNext
        what="audit events"
        newer={page.newerThan ? hrefWith(filters, { after: page.newerThan }) : null}
        older={page.olderThan ? hrefWith(filters, { before: page.olderThan }) : null}
      />
    </>
  );
}
