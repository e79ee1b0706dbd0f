import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/ActionButton";
import { QuestionPages } from "@/components/admin/QuestionPages";
import { SuccessBanner } from "@/components/admin/SuccessBanner";
import { BackLink, ButtonLink, InsetText, Tag } from "@/components/nhs";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { questionSetForBuilder } from "@/lib/questions/question-set-drafts";
import { findStudyForAdmin } from "@/lib/studies/find-study";
import { studyStatusColour, studyStatusWords } from "@/lib/studies/study-words";
import { formatUkDate } from "@/lib/text/uk-dates";
import { discardDraftAction, draftButtonAction, startDraftAction } from "./actions";

export const metadata: Metadata = { title: "Screening questions" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string }> };

const confirmations: Record<string, string> = {
  started: "A new version has been started as a draft",
  saved: "The draft has been saved",
  discarded: "The draft has been discarded",
};

export default async function QuestionsPage({ params, searchParams }: Props) {
  const researcher = await requireResearcher();
  const { slug } = await params;
  const { done } = await searchParams;
  const study = await findStudyForAdmin(getDb(), researcher, slug);
  if (!study) notFound();
  const { set, published, draft, studies } = await questionSetForBuilder(getDb(), researcher, study.id);
  const isAdmin = researcher.role === "ADMIN";
  const base = `/admin/studies/${study.slug}/questions`;
  const publishedNow = done?.startsWith("published-") ? done.slice("published-".length) : null;
  const others = studies.filter((s) => s.id !== study.id);
  return (
    <>
      <BackLink href={`/admin/studies/${study.slug}`}>Back to the study</BackLink>
      {done && confirmations[done] ? <SuccessBanner heading={confirmations[done]} /> : null}
      {publishedNow ? (
        <SuccessBanner heading={`Version ${publishedNow} of the questions has been published`}>
          <p>People who register from now on answer it. Earlier answers keep pointing at the version they answered.</p>
        </SuccessBanner>
      ) : null}
      <span className="nhsuk-caption-l">{study.shortTitle}</span>
      <h1 className="nhsuk-heading-l">Screening questions</h1>
      <p>
        Question set: <strong>{set.title}</strong>
      </p>
      {others.length > 0 ? (
        <InsetText>
          <p>
            These questions are shared by:{" "}
            {studies.map((s, i) => (
              <span key={s.id}>
                {i > 0 ? ", " : ""}
                <Link href={`/admin/studies/${s.slug}`}>{s.shortTitle}</Link>{" "}
                <Tag colour={studyStatusColour[s.status]}>{studyStatusWords[s.status]}</Tag>
              </span>
            ))}
            . A change here changes the questions of each of them.
          </p>
        </InsetText>
      ) : null}

      <h2 className="nhsuk-heading-m">Published version</h2>
      {published ? (
        <>
          <p>
            Version {published.version}, published {formatUkDate(published.publishedAt)}. People registering now answer
            these questions.
          </p>
          <QuestionPages definition={published.definition} showCodes />
        </>
      ) : (
        <p>No version has been published yet, so the study cannot open for recruitment.</p>
      )}

      <h2 className="nhsuk-heading-m" id="draft">
        {draft ? `Draft of version ${draft.version}` : "Draft"}
      </h2>
      {!draft ? (
        <>
          <p>
            There is no draft. To change the questions, start a new version: it begins as a copy of the published one.
          </p>
          {isAdmin ? (
            <ActionButton action={startDraftAction.bind(null, study.slug)} label="Start a new version" id="start" />
          ) : null}
        </>
      ) : (
        <>
          <p>Nobody answers the draft until it is published. Changes are saved as you make them.</p>
          <QuestionPages
            definition={draft.definition}
            showCodes
            pageActions={
              isAdmin
                ? (pageSlug, title) => (
                    <div className="app-button-group">
                      <ButtonLink href={`${base}/pages/${pageSlug}`} variant="secondary" small>
                        Change page<span className="nhsuk-u-visually-hidden"> {title}</span>
                      </ButtonLink>
                      <ButtonLink href={`${base}/pages/${pageSlug}/new-question`} variant="secondary" small>
                        Add a question<span className="nhsuk-u-visually-hidden"> to {title}</span>
                      </ButtonLink>
                      <ActionButton
                        action={draftButtonAction.bind(null, study.slug, { type: "remove-page", pageSlug })}
                        label={`Remove page ${title}`}
                        variant="warning"
                        small
                      />
                    </div>
                  )
                : undefined
            }
            questionActions={
              isAdmin
                ? (q) => (
                    <div className="app-button-group">
                      <ButtonLink href={`${base}/question/${q.code}`} variant="secondary" small>
                        Change<span className="nhsuk-u-visually-hidden"> {q.shortLabel}</span>
                      </ButtonLink>
                      <ActionButton
                        action={draftButtonAction.bind(null, study.slug, {
                          type: "move-question",
                          code: q.code,
                          direction: "up",
                        })}
                        label={`Move up: ${q.shortLabel}`}
                        variant="secondary"
                        small
                      />
                      <ActionButton
                        action={draftButtonAction.bind(null, study.slug, {
                          type: "move-question",
                          code: q.code,
                          direction: "down",
                        })}
                        label={`Move down: ${q.shortLabel}`}
                        variant="secondary"
                        small
                      />
                      <ActionButton
                        action={draftButtonAction.bind(null, study.slug, { type: "remove-question", code: q.code })}
                        label={`Remove: ${q.shortLabel}`}
                        variant="warning"
                        small
                      />
                    </div>
                  )
                : undefined
            }
          />
          {isAdmin ? (
            <>
              <p>
                <ButtonLink href={`${base}/new-page`} variant="secondary">
                  Add a page
                </ButtonLink>
              </p>
              <ButtonLink href={`${base}/publish`}>Publish version {draft.version}</ButtonLink>
              <ActionButton
                action={discardDraftAction.bind(null, study.slug)}
                label="Discard the draft"
                variant="warning"
              />
            </>
          ) : null}
        </>
      )}
    </>
  );
}
