import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InformationSheetForm } from "@/components/admin/InformationSheetForm";
import { BackLink } from "@/components/nhs";
import { findStudyForAdmin } from "@/lib/studies/find-study";
import { findInformationSheetForAdmin } from "@/lib/studies/information-sheet-drafts";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { ukIsoDay } from "@/lib/text/uk-day";
import { saveInformationSheetAction } from "../../actions";

export const metadata: Metadata = { title: "Draft a new information sheet" };

/** A new draft starts from the current sheet's title and text, so a new version is a set of edits. */
export default async function NewInformationSheetPage({ params }: { params: Promise<{ slug: string }> }) {
  const researcher = await requireResearcher("ADMIN");
  const { slug } = await params;
  const db = getDb();
  const study = await findStudyForAdmin(db, researcher, slug);
  if (!study) notFound();
  const current = study.currentSheetId
    ? await findInformationSheetForAdmin(db, researcher, { studyId: study.id, sheetId: study.currentSheetId })
    : null;
  return (
    <>
      <BackLink href={`/admin/studies/${study.slug}`}>Back to the study</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{study.shortTitle}</span>
          <h1 className="nhsuk-heading-l">Draft a new information sheet</h1>
          <p>
            {current ? `It starts as a copy of the current version (${current.version}). ` : ""}A draft is not shown to
            anyone outside the team until you publish it, and can be changed as often as needed until then.
          </p>
          <InformationSheetForm
            action={saveInformationSheetAction.bind(null, study.slug, null)}
            initial={{
              version: "",
              versionDate: ukIsoDay(new Date()),
              title: current?.title ?? "",
              content: current?.content ?? "",
            }}
            submitLabel="Save the draft"
          />
        </div>
      </div>
    </>
  );
}
