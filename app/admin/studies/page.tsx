import type { Metadata } from "next";
import Link from "next/link";
import { Cell, ResponsiveTable, Row } from "@/components/admin/ResponsiveTable";
import { ButtonLink, Tag } from "@/components/nhs";
import { listStudies } from "@/lib/studies/list-studies";
import {
  invitationModeWords,
  studyKindWords,
  studyStatusColour,
  studyStatusWords,
  targetWords,
} from "@/lib/studies/study-words";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Studies" };

export default async function StudiesPage() {
  const researcher = await requireResearcher();
  const studies = await listStudies(getDb(), researcher);
  return (
    <>
      <h1 className="nhsuk-heading-l">Studies</h1>
      <p>
        Each study&apos;s settings, eligibility rules and documents.{" "}
        {researcher.role === "ADMIN" ? "Open a study to change them." : "Only admins can change them."}
      </p>
      {researcher.role === "ADMIN" ? (
        <ButtonLink href="/admin/studies/new" variant="secondary">
          Create a study
        </ButtonLink>
      ) : null}
      <ResponsiveTable caption="Studies" headings={["Study", "Status", "Target", "Invitations", "Current documents"]}>
        {studies.map((s) => (
          <Row key={s.id}>
            <Cell heading="Study">
              <Link href={`/admin/studies/${s.slug}`}>{s.title}</Link>
              <br />
              <span className="nhsuk-body-s">{studyKindWords[s.kind]}</span>
            </Cell>
            <Cell heading="Status">
              <Tag colour={studyStatusColour[s.status]}>{studyStatusWords[s.status]}</Tag>
            </Cell>
            <Cell heading="Target">{targetWords(s.targetMin, s.targetMax)}</Cell>
            <Cell heading="Invitations">{invitationModeWords[s.invitationMode]}</Cell>
            <Cell heading="Current documents">
              Information sheet {s.currentSheetVersion ?? "none published"}; consent form{" "}
              {s.currentFormVersion ?? "none published"}
              {s.drafts > 0 ? ` (${s.drafts} ${s.drafts === 1 ? "draft" : "drafts"})` : ""}
            </Cell>
          </Row>
        ))}
      </ResponsiveTable>
    </>
  );
}
