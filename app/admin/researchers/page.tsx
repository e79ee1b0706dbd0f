import type { Metadata } from "next";
import Link from "next/link";
import { Cell, ResponsiveTable, Row } from "@/components/admin/ResponsiveTable";
import { ButtonLink, Tag } from "@/components/nhs";
import { listResearchers } from "@/lib/researchers/list-researchers";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { formatUkDateTime } from "@/lib/text/uk-dates";

export const metadata: Metadata = { title: "Researchers" };

export default async function ResearchersPage() {
  const researcher = await requireResearcher("ADMIN");
  const researchers = await listResearchers(getDb(), researcher);
  return (
    <>
      <h1 className="nhsuk-heading-l">Researchers</h1>
      <p>
        Everyone with an account on this dashboard. People sign in with an email link and a code from an authenticator
        app.
      </p>
      <ButtonLink href="/admin/researchers/new">Add a researcher</ButtonLink>
      <ResponsiveTable
        caption="Researcher accounts"
        headings={["Name", "Email", "Role", "Authenticator app", "Last signed in", "Account"]}
      >
        {researchers.map((r) => (
          <Row key={r.id}>
            <Cell heading="Name">
              <Link href={`/admin/researchers/${r.id}`}>{r.name ?? r.email}</Link>
              {r.id === researcher.id ? " (you)" : ""}
            </Cell>
            <Cell heading="Email">
              <span className="app-address">{r.email}</span>
            </Cell>
            <Cell heading="Role">{r.role === "ADMIN" ? "Admin" : "Researcher"}</Cell>
            <Cell heading="Authenticator app">
              {r.totpEnabledAt ? "Set up" : <Tag colour="yellow">Not set up yet</Tag>}
            </Cell>
            <Cell heading="Last signed in">{r.lastSignedInAt ? formatUkDateTime(r.lastSignedInAt) : "Never"}</Cell>
            <Cell heading="Account">
              {r.disabledAt ? <Tag colour="grey">Disabled</Tag> : <Tag colour="green">Active</Tag>}
            </Cell>
          </Row>
        ))}
      </ResponsiveTable>
    </>
  );
}
