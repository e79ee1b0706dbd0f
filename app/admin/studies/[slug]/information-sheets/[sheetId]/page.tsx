import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { InformationSheetForm } from "@/components/admin/InformationSheetForm";
import { SuccessBanner } from "@/components/admin/SuccessBanner";
import { DocumentBody } from "@/components/documents/DocumentBody";
import { BackLink, ButtonLink, InsetText, SummaryList, Tag } from "@/components/nhs";
import { isoDayOf } from "@/lib/studies/document-forms";
import { findStudyForAdmin } from "@/lib/studies/find-study";
import { findInformationSheetForAdmin } from "@/lib/studies/information-sheet-drafts";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { parseDocument } from "@/lib/documents/parse-document";
import { formatUkDate, formatUkDateTime } from "@/lib/text/uk-dates";
import { saveInformationSheetAction } from "../../actions";

export const metadata: Metadata = { title: "Information sheet" };

type Props = { params: Promise<{ slug: string; sheetId: string }>; searchParams: Promise<{ done?: string }> };

const confirmations: Record<string, string> = {
  drafted: "The draft has been saved",
  saved: "Your changes to the draft have been saved",
};

/** One version of a study's information sheet: its text, and for a draft (to admins) the form to change it. */
export default async function InformationSheetPage({ params, searchParams }: Props) {
  const researcher = await requireResearcher();
  const { slug, sheetId } = await params;
  const { done } = await searchParams;
  if (!z.uuid().safeParse(sheetId).success) notFound();
  const db = getDb();
  const study = await findStudyForAdmin(db, researcher, slug);
  if (!study) notFound();
  const sheet = await findInformationSheetForAdmin(db, researcher, { studyId: study.id, sheetId });
  if (!sheet) notFound();
  const editable = sheet.publishedAt === null && researcher.role === "ADMIN";
  const base = `/admin/studies/${study.slug}`;
  return (
    <>
      <BackLink href={`${base}#information-sheets`}>Back to the study</BackLink>
      {done && confirmations[done] ? <SuccessBanner heading={confirmations[done]} /> : null}
      <span className="nhsuk-caption-l">{study.shortTitle}</span>
      <h1 className="nhsuk-heading-l">Information sheet, version {sheet.version}</h1>
      <SummaryList
        rows={[
          {
            key: "Status",
            value: sheet.publishedAt ? (
              <>
                {sheet.id === study.currentSheetId ? (
                  <Tag colour="green">Current</Tag>
                ) : (
                  <Tag colour="grey">Replaced</Tag>
                )}{" "}
                Published at {formatUkDateTime(sheet.publishedAt)}
              </>
            ) : (
              <Tag colour="yellow">Draft</Tag>
            ),
          },
          { key: "Version date", value: formatUkDate(sheet.versionDate) },
          { key: "Title", value: sheet.title },
        ]}
      />
      {sheet.publishedAt ? (
        <InsetText>
          <p>
            A published information sheet cannot be changed: people have read it, and consent records point to it. To
            correct it, draft a new version.
          </p>
        </InsetText>
      ) : null}
      {editable ? (
        <>
          <h2 className="nhsuk-heading-m">Publish</h2>
          <p>Publishing makes this version the one on the public pages at once. After that it cannot be changed.</p>
          <ButtonLink href={`${base}/information-sheets/${sheet.id}/publish`}>
            Publish version {sheet.version}
          </ButtonLink>
          <h2 className="nhsuk-heading-m">Change the draft</h2>
          <InformationSheetForm
            action={saveInformationSheetAction.bind(null, study.slug, sheet.id)}
            initial={{
              version: sheet.version,
              versionDate: isoDayOf(sheet.versionDate),
              title: sheet.title,
              content: sheet.content,
            }}
            submitLabel="Save changes"
          />
        </>
      ) : (
        <section aria-labelledby="sheet-text" className="app-preview">
          <h2 className="nhsuk-heading-m" id="sheet-text">
            {sheet.title}
          </h2>
          <div className="app-preview__body">
            <DocumentBody blocks={parseDocument(sheet.content)} headingLevel={3} />
          </div>
        </section>
      )}
    </>
  );
}
