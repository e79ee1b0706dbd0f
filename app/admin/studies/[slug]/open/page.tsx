import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/ActionButton";
import { BackLink, WarningCallout } from "@/components/nhs";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { findStudyForAdmin } from "@/lib/studies/find-study";
import { openingProblems } from "@/lib/studies/study-lifecycle";
import { openStudyAction } from "./actions";

export const metadata: Metadata = { title: "Open for recruitment" };

/** The confirmation step before a study opens, or what stands in its way. */
export default async function OpenStudyPage({ params }: { params: Promise<{ slug: string }> }) {
  const researcher = await requireResearcher("ADMIN");
  const { slug } = await params;
  const study = await findStudyForAdmin(getDb(), researcher, slug);
  if (!study) notFound();
  const base = `/admin/studies/${study.slug}`;
  const problems = study.status === "RECRUITING" ? [] : await openingProblems(getDb(), study.id);
  return (
    <>
      <BackLink href={base}>Back to the study</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{study.shortTitle}</span>
          <h1 className="nhsuk-heading-l">Open for recruitment</h1>
          {study.status === "RECRUITING" ? (
            <p>This study is already open for recruitment.</p>
          ) : problems.length > 0 ? (
            <WarningCallout heading="This study cannot open yet" headingLevel={2}>
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </WarningCallout>
          ) : (
            <>
              <p>
                Once it is open, the study appears on the public pages and people can register for it. Its questions and
                rules can still change, each as a new version.
              </p>
              <ActionButton
                action={openStudyAction.bind(null, study.slug)}
                label="Open for recruitment"
                pendingLabel="Opening…"
                id="open"
              />
            </>
          )}
          <p>
            <a href={`${base}/preview`}>Preview the study as the public would see it</a>
          </p>
        </div>
      </div>
    </>
  );
}
