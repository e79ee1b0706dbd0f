import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConsentFormDetailsForm } from "@/components/admin/ConsentFormDetailsForm";
import { BackLink } from "@/components/nhs";
import { findStudyForAdmin } from "@/lib/studies/find-study";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { formatUkDate } from "@/lib/text/uk-dates";
import { ukIsoDay } from "@/lib/text/uk-day";
import { saveConsentFormAction } from "../../actions";

export const metadata: Metadata = { title: "Draft a new consent form" };

export default async function NewConsentFormPage({ params }: { params: Promise<{ slug: string }> }) {
  const researcher = await requireResearcher("ADMIN");
  const { slug } = await params;
  const study = await findStudyForAdmin(getDb(), researcher, slug);
  if (!study) notFound();
  const sheets = study.informationSheets
    .filter((s) => s.publishedAt)
    .map((s) => ({
      id: s.id,
      label: `Version ${s.version}, ${formatUkDate(s.versionDate)}${s.id === study.currentSheetId ? " (current)" : ""}`,
    }));
  const current = study.consentForms.find((f) => f.id === study.currentFormId);
  return (
    <>
      <BackLink href={`/admin/studies/${study.slug}`}>Back to the study</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{study.shortTitle}</span>
          <h1 className="nhsuk-heading-l">Draft a new consent form</h1>
          <p>
            Once you have saved these details you can write the statements. Publishing the form later asks everyone who
            signed an earlier version to sign this one.
          </p>
          <ConsentFormDetailsForm
            action={saveConsentFormAction.bind(null, study.slug, null)}
            initial={{
              version: "",
              versionDate: ukIsoDay(new Date()),
              title: current?.title ?? "",
              informationSheetId: study.currentSheetId ?? "",
              copyStatements: current ? "yes" : "no",
            }}
            sheets={sheets}
            copyFrom={current?.version ?? null}
            submitLabel="Save and continue"
          />
        </div>
      </div>
    </>
  );
}
