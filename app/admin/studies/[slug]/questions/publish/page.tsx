import type { Metadata } from "next";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { ActionButton } from "@/components/admin/ActionButton";
import { BackLink, WarningCallout } from "@/components/nhs";
import { getDb } from "@/lib/db/client";
import { hasChanges } from "@/lib/questions/definition-changes";
import { checkQuestionSetDraft } from "@/lib/questions/question-set-drafts";
import { studyStatusWords } from "@/lib/studies/study-words";
import { publishDraftAction } from "../actions";
import { draftForPage } from "../builder-page";

export const metadata: Metadata = { title: "Publish the questions" };

/**
 * The step before a draft is published: what changes since the published version, whether each study's
 * rules still fit, and (while a study using the set is recruiting) a warning. Publishing is refused while
 * anything stands in the way, and the page says what.
 */
export default async function PublishQuestionsPage({ params }: { params: Promise<{ slug: string }> }) {
  const researcher = await requireResearcher("ADMIN");
  const { study } = await draftForPage(researcher, (await params).slug);
  const check = await checkQuestionSetDraft(getDb(), researcher, { studyId: study.id });
  const { changes } = check;
  const list = (items: string[]) => (
    <ul className="nhsuk-list nhsuk-list--bullet">
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
  return (
    <>
      <BackLink href={`/admin/studies/${study.slug}/questions`}>Back to the questions</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{study.shortTitle}</span>
          <h1 className="nhsuk-heading-l">Publish version {check.version} of the questions</h1>
          {check.recruiting.length > 0 ? (
            <WarningCallout heading="People are registering with these questions now" headingLevel={2}>
              <p>
                {check.recruiting.map((s) => s.shortTitle).join(", ")} {check.recruiting.length === 1 ? "is" : "are"}{" "}
                recruiting. Everyone who registers after you publish answers the new version. People who registered
                already keep their answers and the version they answered; their eligibility is not decided again.
              </p>
            </WarningCallout>
          ) : null}

          <h2 className="nhsuk-heading-m">What changes</h2>
          {!hasChanges(changes) ? (
            <p>No question is added, removed or reworded, and no option changes.</p>
          ) : (
            <>
              {changes.added.length > 0 ? (
                <>
                  <h3 className="nhsuk-heading-s">Questions added</h3>
                  {list(changes.added.map((q) => q.shortLabel))}
                </>
              ) : null}
              {changes.removed.length > 0 ? (
                <>
                  <h3 className="nhsuk-heading-s">Questions removed</h3>
                  {list(changes.removed.map((q) => q.shortLabel))}
                </>
              ) : null}
              {changes.reworded.length > 0 ? (
                <>
                  <h3 className="nhsuk-heading-s">Questions reworded</h3>
                  {list(changes.reworded.map((q) => `${q.shortLabel}: “${q.before}” becomes “${q.after}”`))}
                </>
              ) : null}
              {changes.optionsAdded.length > 0 ? (
                <>
                  <h3 className="nhsuk-heading-s">Options added</h3>
                  {list(changes.optionsAdded.map((q) => `${q.shortLabel}: ${q.options.join(", ")}`))}
                </>
              ) : null}
              {changes.optionsRemoved.length > 0 ? (
                <>
                  <h3 className="nhsuk-heading-s">Options removed</h3>
                  {list(changes.optionsRemoved.map((q) => `${q.shortLabel}: ${q.options.join(", ")}`))}
                </>
              ) : null}
            </>
          )}

          <h2 className="nhsuk-heading-m">Eligibility rules of the studies using these questions</h2>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {check.studies.map((s) => (
              <li key={s.id}>
                {s.shortTitle} ({studyStatusWords[s.status as keyof typeof studyStatusWords]}):{" "}
                {s.problems.length === 0 ? "its rules still fit" : "its rules no longer fit"}
              </li>
            ))}
          </ul>

          {check.problems.length > 0 ? (
            <WarningCallout heading="This version cannot be published yet" headingLevel={2}>
              {list(check.problems)}
            </WarningCallout>
          ) : (
            <ActionButton
              action={publishDraftAction.bind(null, study.slug, check.version, true)}
              label={`Publish version ${check.version}`}
              pendingLabel="Publishing…"
              id="publish"
            />
          )}
        </div>
      </div>
    </>
  );
}
