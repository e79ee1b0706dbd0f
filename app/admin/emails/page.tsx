import type { Metadata } from "next";
import Link from "next/link";
import { PreviousNext } from "@/components/admin/PreviousNext";
import { Cell, ResponsiveTable, Row } from "@/components/admin/ResponsiveTable";
import { SelectField } from "@/components/admin/SelectField";
import { Button, Tag } from "@/components/nhs";
import { emailStatusWords } from "@/lib/email/email-words";
import {
  EMAIL_STATUSES,
  emailFiltersSchema,
  emailTemplates,
  listOutgoingEmails,
  type EmailFilters,
} from "@/lib/email/list-outgoing-emails";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { formatUkDateTime } from "@/lib/text/uk-dates";

export const metadata: Metadata = { title: "Emails" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function hrefWith(filters: EmailFilters, page: { before?: string; after?: string }): string {
  const query = new URLSearchParams();
  if (filters.status) query.set("status", filters.status);
  if (filters.template) query.set("template", filters.template);
  if (page.before) query.set("before", page.before);
  if (page.after) query.set("after", page.after);
  return `/admin/emails?${query}`;
}

/** The outbox: what was sent, to whom and when, and what failed and why. */
export default async function EmailsPage({ searchParams }: Props) {
  const researcher = await requireResearcher();
  const raw = await searchParams;
  const filters = emailFiltersSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const db = getDb();
  const [page, templates] = await Promise.all([
    listOutgoingEmails(db, researcher, filters),
    emailTemplates(db, researcher),
  ]);
  const filtered = Boolean(filters.status || filters.template);
  return (
    <>
      <h1 className="nhsuk-heading-l">Emails</h1>
      <p>
        Every email the portal has written, newest first. Emails that could not be sent are tried again automatically,
        waiting longer each time; after 20 attempts they fail, and you can send them again from here.
      </p>
      <form method="get" action="/admin/emails" className="app-filters" aria-labelledby="filter-heading">
        <h2 className="nhsuk-heading-s" id="filter-heading">
          Filter the emails
        </h2>
        <div className="app-filters__fields">
          <SelectField
            id="status"
            name="status"
            label="Status"
            defaultValue={filters.status ?? ""}
            options={[
              { value: "", label: "Any" },
              ...EMAIL_STATUSES.map((s) => ({ value: s, label: emailStatusWords[s].text })),
            ]}
          />
          <SelectField
            id="template"
            name="template"
            label="Kind of email"
            defaultValue={filters.template ?? ""}
            options={[{ value: "", label: "Any" }, ...templates.map((t) => ({ value: t, label: t }))]}
          />
        </div>
        <div className="nhsuk-button-group">
          <Button variant="secondary">Show emails</Button>
          {filtered ? <Link href="/admin/emails">Clear the filters</Link> : null}
        </div>
      </form>
      {page.emails.length === 0 ? (
        <p>{filtered ? "No emails match these filters." : "No emails have been written yet."}</p>
      ) : (
        <ResponsiveTable
          caption={filtered ? "Emails matching the filters, newest first" : "Emails, newest first"}
          headings={["To", "Subject", "Status", "Written", "Delivery"]}
        >
          {page.emails.map((e) => (
            <Row key={e.id}>
              <Cell heading="To">
                <span className="app-address">{e.toAddress}</span>
              </Cell>
              <Cell heading="Subject">
                <Link href={`/admin/emails/${e.id}`}>{e.subject}</Link>
                <br />
                <span className="nhsuk-body-s">Kind: {e.template}</span>
              </Cell>
              <Cell heading="Status">
                <Tag colour={emailStatusWords[e.status].colour}>{emailStatusWords[e.status].text}</Tag>
              </Cell>
              <Cell heading="Written">{formatUkDateTime(e.createdAt)}</Cell>
              <Cell heading="Delivery">
                {e.attempts} {e.attempts === 1 ? "attempt" : "attempts"}
                {e.sentAt ? `; sent at ${formatUkDateTime(e.sentAt)}` : ""}
                {e.status === "PENDING" ? `; next attempt at ${formatUkDateTime(e.nextAttemptAt)}` : ""}
                {e.lastError ? (
                  <>
                    <br />
                    <span className="nhsuk-body-s">Last error: {e.lastError}</span>
                  </>
                ) : null}
              </Cell>
            </Row>
          ))}
        </ResponsiveTable>
      )}
      <PreviousNext
        what="emails"
        newer={page.newerThan ? hrefWith(filters, { after: page.newerThan }) : null}
        older={page.olderThan ? hrefWith(filters, { before: page.olderThan }) : null}
      />
    </>
  );
}
