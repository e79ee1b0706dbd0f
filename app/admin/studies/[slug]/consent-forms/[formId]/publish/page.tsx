import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { ActionButton } from "@/components/admin/ActionButton";
import { BackLink, WarningCallout } from "@/components/nhs";
import { findConsentFormForAdmin } from "@/lib/studies/consent-form-drafts";
import { findStudyForAdmin } from "@/lib/studies/find-study";
import { countReconsentCandidates } from "@/lib/studies/publish-study-consent-form";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { publishConsentFormAction } from "../../../actions";

export const metadata: Metadata = { title: "Publish the consent form" };

/** Publishing cannot be undone and emails people, so it is confirmed here, saying how many. */
export default async function PublishConsentFormPage({
  params,
}: {
  params: Promise<{ slug: string; formId: string }>;
}) {
  const researcher = await requireResearcher("ADMIN");
  const { slug, formId } = await params;
  if (!z.uuid().safeParse(formId).success) notFound();
  const db = getDb();
  const study = await findStudyForAdmin(db, researcher, slug);
  if (!study) notFound();
  const form = await findConsentFormForAdmin(db, researcher, { studyId: study.id, formId });
  if (!form) notFound();
  const back = `/admin/studies/${study.slug}/consent-forms/${form.id}`;
  if (form.publishedAt) redirect(back);
  const reconsent = await countReconsentCandidates(db, researcher, { studyId: study.id, formId: form.id });
  const required = form.statements.filter((s) => s.required).length;
  return (
    <>
      <BackLink href={back}>Back to the draft</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{study.shortTitle}</span>
          <h1 className="nhsuk-heading-l">Publish consent form version {form.version}?</h1>
          <p>
            It has {form.statements.length} {form.statements.length === 1 ? "statement" : "statements"} ({required}{" "}
            required, {form.statements.length - required} optional) and refers to information sheet version{" "}
            {form.informationSheet.version}.
          </p>
          <WarningCallout heading="This cannot be undone" headingLevel={2}>
            <p>Everyone invited from now on will sign this version, and it can never be changed afterwards.</p>
            <p>
              {reconsent === 0
                ? "Nobody has signed an earlier version and is still taking part, so nobody will be asked to re-consent."
                : `${reconsent} ${reconsent === 1 ? "person has" : "people have"} signed an earlier version and ${reconsent === 1 ? "is" : "are"} still taking part: each will be emailed a link and asked to sign this version. Their earlier records stay as they are.`}
            </p>
          </WarningCallout>
          <ActionButton
            action={publishConsentFormAction.bind(null, study.slug, form.id)}
            label={`Yes, publish version ${form.version}`}
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
