import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EligibilityRulesForm } from "@/components/admin/EligibilityRulesForm";
import { BackLink, Details } from "@/components/nhs";
import { formatEligibilityRules } from "@/lib/studies/eligibility-rules-text";
import { findStudyForAdmin } from "@/lib/studies/find-study";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { allQuestions, CHOICE_KINDS } from "@/lib/questions/definition";
import { currentCallDefinition } from "@/lib/questions/current-call";
import { saveEligibilityRulesAction } from "../actions";

export const metadata: Metadata = { title: "Change the eligibility rules" };

export default async function EligibilityRulesPage({ params }: { params: Promise<{ slug: string }> }) {
  const researcher = await requireResearcher("ADMIN");
  const { slug } = await params;
  const study = await findStudyForAdmin(getDb(), researcher, slug);
  if (!study) notFound();
  return (
    <>
      <BackLink href={`/admin/studies/${study.slug}`}>Back to the study</BackLink>
      <span className="nhsuk-caption-l">{study.shortTitle}</span>
      <h1 className="nhsuk-heading-l">Change the eligibility rules</h1>
      <p>
        New rules decide eligibility for everyone who registers from now on. Decisions already made stay as they were: a
        researcher can override one, giving a reason.
      </p>
      <Details summary="How to write a condition">
        <p>A condition tests one answer from the registration form, or combines conditions:</p>
        <ul>
          <li>
            <code>{'{ "answer": "worksInNhsNow", "oneOf": ["yes"] }'}</code>: the answer is one of these values
          </li>
          <li>
            <code>{'{ "anyOf": [ …conditions… ] }'}</code>: at least one of the conditions holds
          </li>
          <li>
            <code>{'{ "allOf": [ …conditions… ] }'}</code>: every one of them holds
          </li>
        </ul>
        <p>The answers that can be tested, with their values:</p>
        <ul>
          {/* STUDY-BUILDER: replaced by the readable rules form, over the study's own questions */}
          {allQuestions(currentCallDefinition)
            .filter((q) => CHOICE_KINDS.includes(q.kind))
            .map((q) => (
              <li key={q.code}>
                <code>{q.code}</code>: {(q.options ?? []).map((o) => `"${o.code}"`).join(", ")}
              </li>
            ))}
        </ul>
        <p>
          A criterion&apos;s id uses lower-case letters, digits and hyphens, like works-in-nhs-now, and is unique in the
          study.
        </p>
      </Details>
      <EligibilityRulesForm
        action={saveEligibilityRulesAction.bind(null, study.slug)}
        initial={{
          rules: formatEligibilityRules(study.eligibilityRules),
          expectedUpdatedAt: study.updatedAt.toISOString(),
        }}
      />
    </>
  );
}
