import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EligibilityRulesForm } from "@/components/admin/EligibilityRulesForm";
import { BackLink, WarningCallout } from "@/components/nhs";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { eligibilityRulesSchema } from "@/lib/eligibility/rules";
import { findStudyForAdmin } from "@/lib/studies/find-study";
import { draftFromRules } from "@/lib/studies/rules-form";
import { questionsOfStudy } from "@/lib/studies/update-eligibility-rules";
import { rulesFormAction } from "./actions";

export const metadata: Metadata = { title: "Change the eligibility rules" };

export default async function EligibilityRulesPage({ params }: { params: Promise<{ slug: string }> }) {
  const researcher = await requireResearcher("ADMIN");
  const { slug } = await params;
  const db = getDb();
  const study = await findStudyForAdmin(db, researcher, slug);
  if (!study) notFound();
  const questions = await questionsOfStudy(db, study.id);
  const stored = eligibilityRulesSchema.safeParse(study.eligibilityRules);
  return (
    <>
      <BackLink href={`/admin/studies/${study.slug}`}>Back to the study</BackLink>
      <span className="nhsuk-caption-l">{study.shortTitle}</span>
      <h1 className="nhsuk-heading-l">Change the eligibility rules</h1>
      <p>
        Someone is eligible when they meet every criterion. Each criterion tests the answers to this study&apos;s
        screening questions. New rules decide for everyone who registers from now on; outcomes already recorded stay as
        they were until you{" "}
        <Link href={`/admin/studies/${study.slug}/eligibility/re-evaluate`}>
          check everyone again against the current rules
        </Link>
        .
      </p>
      {questions.length === 0 ? (
        <WarningCallout heading="This study's questions are not published yet" headingLevel={2}>
          <p>Rules can test only published questions. Publish the study&apos;s questions first.</p>
        </WarningCallout>
      ) : null}
      {stored.success ? null : (
        <WarningCallout heading="The stored rules cannot be read" headingLevel={2}>
          <p>Write the rules again below; saving replaces them.</p>
        </WarningCallout>
      )}
      <EligibilityRulesForm
        action={rulesFormAction.bind(null, study.slug)}
        questions={questions}
        initial={{
          draft: stored.success ? draftFromRules(stored.data) : { criteria: [] },
          revision: 0,
          expectedUpdatedAt: study.updatedAt.toISOString(),
          errors: {},
          problems: [],
          testValues: {},
        }}
      />
    </>
  );
}
