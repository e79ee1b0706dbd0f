import type { ReactNode } from "react";
import { QUESTION_KIND_WORDS, type Question, type QuestionSetDefinition } from "@/lib/questions/definition";

/**
 * A question set's pages as read-only lists: each question with its hint and options, as the builder and
 * the preview show them. `pageActions` and `questionActions` add the builder's links and buttons.
 */
export function QuestionPages({
  definition,
  headingLevel = 3,
  pageActions,
  questionActions,
  showCodes = false,
}: {
  definition: QuestionSetDefinition;
  headingLevel?: 2 | 3;
  pageActions?: (slug: string, title: string) => ReactNode;
  questionActions?: (question: Question, index: number, count: number) => ReactNode;
  showCodes?: boolean;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  if (definition.pages.length === 0) return <p>There are no pages of questions yet.</p>;
  return (
    <>
      {definition.pages.map((page, p) => (
        <section key={page.slug} className="app-question-page" aria-labelledby={`page-${page.slug}`}>
          <H className="nhsuk-heading-s" id={`page-${page.slug}`}>
            Page {p + 1}: {page.title}
            {showCodes ? <span className="nhsuk-caption-m">Address: {page.slug}</span> : null}
          </H>
          {pageActions?.(page.slug, page.title)}
          {page.questions.length === 0 ? (
            <p>This page has no questions yet.</p>
          ) : (
            <ol className="nhsuk-list nhsuk-list--number">
              {page.questions.map((q, i) => (
                <li key={q.code}>
                  <p className="nhsuk-u-margin-bottom-1">
                    <strong>{q.label}</strong>
                    {q.required ? "" : " (optional)"}
                  </p>
                  {q.hint ? <p className="nhsuk-hint nhsuk-u-margin-bottom-1">{q.hint}</p> : null}
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                    {QUESTION_KIND_WORDS[q.kind]}
                    {q.kind === "number" && (q.min !== undefined || q.max !== undefined)
                      ? `, from ${q.min ?? "any"} to ${q.max ?? "any"}`
                      : ""}
                    {showCodes ? `. Short name: ${q.shortLabel}. Code: ${q.code}` : ""}
                  </p>
                  {q.options && q.options.length > 0 ? (
                    <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
                      {q.options.map((o) => (
                        <li key={o.code}>
                          {o.label}
                          {o.hint ? ` (${o.hint})` : ""}
                          {showCodes ? ` [${o.code}]` : ""}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {questionActions?.(q, i, page.questions.length)}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </>
  );
}
