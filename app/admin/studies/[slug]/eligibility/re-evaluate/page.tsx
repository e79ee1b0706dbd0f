import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/ActionButton";
import { SuccessBanner } from "@/components/admin/SuccessBanner";
import { BackLink } from "@/components/nhs";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { findStudyForAdmin } from "@/lib/studies/find-study";
import { reEvaluationPlan } from "@/lib/studies/re-evaluate-eligibility";
import { reEvaluateAction } from "../actions";

export const metadata: Metadata = { title: "Check everyone again against the current rules" };

const people = (n: number) => (n === 1 ? "1 person" : `${n} people`);

export default async function ReEvaluatePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const researcher = await requireResearcher("ADMIN");
  const { slug } = await params;
  const { done } = await searchParams;
  const db = getDb();
  const study = await findStudyForAdmin(db, researcher, slug);
  if (!study) notFound();
  const plan = await reEvaluationPlan(db, researcher, study.id);
  const changes = plan.toEligible + plan.toIneligible;
  const doneCount = done !== undefined && /^\d{1,6}$/.test(done) ? Number(done) : null;
  return (
    <>
      {doneCount !== null ? (
        <SuccessBanner
          heading={
            doneCount === 0
              ? "Everyone has been checked again: no outcome changed"
              : `Everyone has been checked again: ${doneCount === 1 ? "1 outcome" : `${doneCount} outcomes`} changed`
          }
        />
      ) : null}
      <BackLink href={`/admin/studies/${study.slug}`}>Back to the study</BackLink>
      <span className="nhsuk-caption-l">{study.shortTitle}</span>
      <h1 className="nhsuk-heading-l">Check everyone again against the current rules</h1>
      <p>
        This applies the study&apos;s current eligibility rules
        {plan.rulesVersion > 0 ? ` (version ${plan.rulesVersion})` : ""} to the latest answers of everyone who is
        interested, eligible or not eligible. People who have been invited or gone further, whose outcome a researcher
        overrode, or whose details were erased are left as they are.
      </p>
      <h2 className="nhsuk-heading-m">What would change</h2>
      <ul>
        <li>{people(plan.toIneligible)} would now be not eligible</li>
        <li>{people(plan.toEligible)} would now be eligible</li>
        {plan.leftAsTheyAre > 0 ? (
          <li>
            {people(plan.leftAsTheyAre)} would be decided differently but would be left as they are, because they have
            been invited or gone further, or a researcher overrode their outcome
          </li>
        ) : null}
      </ul>
      {changes > 0 ? (
        <>
          <p>Each change is recorded in the audit trail. Nothing changes until you confirm.</p>
          <ActionButton
            action={reEvaluateAction.bind(null, study.slug, plan.rulesVersion)}
            label={changes === 1 ? "Change 1 outcome" : `Change ${changes} outcomes`}
            pendingLabel="Changing…"
            variant="warning"
          />
        </>
      ) : (
        <p>
          There is nothing to change. <Link href={`/admin/studies/${study.slug}`}>Back to the study</Link>
        </p>
      )}
    </>
  );
}
