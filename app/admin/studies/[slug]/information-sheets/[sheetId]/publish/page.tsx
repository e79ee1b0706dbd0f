import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { ActionButton } from "@/components/admin/ActionButton";
import { BackLink, WarningCallout } from "@/components/nhs";
import { findStudyForAdmin } from "@/lib/studies/find-study";
import { findInformationSheetForAdmin } from "@/lib/studies/information-sheet-drafts";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { publishInformationSheetAction } from "../../../actions";

export const metadata: Metadata = { title: "Publish the information sheet" };

/** Publishing cannot be undone, so it is confirmed on a page of its own. */
export default async function PublishInformationSheetPage({
  params,
}: {
  params: Promise<{ slug: string; sheetId: string }>;
}) {
  const researcher = await requireResearcher("ADMIN");
  const { slug, sheetId } = await params;
  if (!z.uuid().safeParse(sheetId).success) notFound();
  const db = getDb();
  const study = await findStudyForAdmin(db, researcher, slug);
  if (!study) notFound();
  const sheet = await findInformationSheetForAdmin(db, researcher, { studyId: study.id, sheetId });
  if (!sheet) notFound();
  const back = `/admin/studies/${study.slug}/information-sheets/${sheet.id}`;
  if (sheet.publishedAt) redirect(back);
  return (
    <>
      <BackLink href={back}>Back to the draft</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{study.shortTitle}</span>
          <h1 className="nhsuk-heading-l">Publish information sheet version {sheet.version}?</h1>
          <WarningCallout heading="This cannot be undone" headingLevel={2}>
            <p>
              The public pages will show this version at once, and it can never be changed afterwards. Corrections will
              need a new version.
            </p>
            <p>
              People are asked to confirm the information sheet their consent form names. To ask them to read this
              version, draft a consent form that refers to it and publish that too.
            </p>
          </WarningCallout>
          <ActionButton
            action={publishInformationSheetAction.bind(null, study.slug, sheet.id)}
            label={`Yes, publish version ${sheet.version}`}
            pendingLabel="Publishing…"
          />
          <p>
            <Link href={back}>No, go back to the draft</Link>
          </p>
        </div>
      </div>
    </>
  );
}
