import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QuestionPages } from "@/components/admin/QuestionPages";
import { DocumentBody } from "@/components/documents/DocumentBody";
import { BackLink, WarningCallout } from "@/components/nhs";
import { StudySummary } from "@/components/studies/StudySummary";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { parseDocument } from "@/lib/documents/parse-document";
import { studyPreview } from "@/lib/studies/study-preview";
import { formatUkDate } from "@/lib/text/uk-dates";

export const metadata: Metadata = { title: "Preview of the study" };

/** A study's public content, drafts included, for the team only (the dashboard's sign-in guards it). */
export default async function StudyPreviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const researcher = await requireResearcher();
  const preview = await studyPreview(getDb(), researcher, (await params).slug);
  if (!preview) notFound();
  const { study, sheet, questions } = preview;
  const live = study.status === "RECRUITING";
  return (
    <>
      <BackLink href={`/admin/studies/${study.slug}`}>Back to the study</BackLink>
      <div
        className="app-preview-banner nhsuk-notification-banner"
        role="region"
        aria-labelledby="preview-banner-title"
      >
        <div className="nhsuk-notification-banner__header">
          <h2 className="nhsuk-notification-banner__title" id="preview-banner-title">
            Preview
          </h2>
        </div>
        <div className="nhsuk-notification-banner__content">
          <p className="nhsuk-notification-banner__heading">
            {live
              ? "Preview: the study is open, but drafts shown here are not published yet"
              : "Preview: people cannot see this yet"}
          </p>
          <p>This is how the study&apos;s public pages will look. Only the study team can see this page.</p>
        </div>
      </div>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1 className="nhsuk-heading-l">Preview of {study.shortTitle}</h1>
          <StudySummary study={study} headingLevel={2} />
          {study.whoCanTakePart.length === 0 ? (
            <WarningCallout heading="No eligibility rules yet" headingLevel={2}>
              <p>&ldquo;Who can take part&rdquo; is empty until the study has eligibility rules.</p>
            </WarningCallout>
          ) : null}

          <h2 className="nhsuk-heading-l">Participant information sheet</h2>
          {sheet ? (
            <>
              <p className="nhsuk-body-s">
                {sheet.draft ? "Draft" : "Current"} version {sheet.version}, dated {formatUkDate(sheet.versionDate)}
              </p>
              <h3 className="nhsuk-heading-m">{sheet.title}</h3>
              <DocumentBody blocks={parseDocument(sheet.content)} headingLevel={3} />
            </>
          ) : (
            <p>There is no information sheet yet.</p>
          )}

          <h2 className="nhsuk-heading-l">Registration questions</h2>
          {questions ? (
            <>
              <p className="nhsuk-body-s">
                {questions.draft ? "Draft of version" : "Published version"} {questions.version}. People first give
                their name and contact details, then answer these pages, then choose how they take part.
              </p>
              <QuestionPages definition={questions.definition} />
            </>
          ) : (
            <p>There are no questions yet.</p>
          )}
        </div>
      </div>
    </>
  );
}
