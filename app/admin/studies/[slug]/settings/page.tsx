import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StudySettingsForm } from "@/components/admin/StudySettingsForm";
import { BackLink } from "@/components/nhs";
import { findStudyForAdmin } from "@/lib/studies/find-study";
import { settingsFormValues } from "@/lib/studies/study-settings-form";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { saveStudySettingsAction } from "../actions";

export const metadata: Metadata = { title: "Change the study's settings" };

export default async function StudySettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const researcher = await requireResearcher("ADMIN");
  const { slug } = await params;
  const study = await findStudyForAdmin(getDb(), researcher, slug);
  if (!study) notFound();
  const initial = settingsFormValues(study);
  return (
    <>
      <BackLink href={`/admin/studies/${study.slug}`}>Back to the study</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{study.shortTitle}</span>
          <h1 className="nhsuk-heading-l">Change the study&apos;s settings</h1>
          <StudySettingsForm
            action={saveStudySettingsAction.bind(null, study.slug)}
            initial={initial}
            kind={study.kind}
          />
        </div>
      </div>
    </>
  );
}
