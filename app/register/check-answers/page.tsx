import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BackLink, SummaryList } from "@/components/nhs";
import { SubmitRegistrationForm } from "@/components/registration/SubmitRegistrationForm";
import { summariseAnswers } from "@/lib/registration/answer-summary";
import { listRecruitingStudies } from "@/lib/studies/recruiting-studies";
import { answeredQuestionSets, choosesStudiesFirst, firstIncompletePath } from "@/lib/registration/journey";
import { submitRegistration } from "../actions";
import { currentDraft } from "../draft-cookie";

export const metadata: Metadata = { title: "Check your answers – Register your interest" };

export default async function CheckAnswersPage() {
  const draft = await currentDraft();
  if (!draft) redirect("/register?expired=1");
  if (draft.submitted) redirect("/register/confirmation");
  const studies = await listRecruitingStudies();
  const incomplete = firstIncompletePath(studies, draft.answers);
  if (incomplete !== "/register/check-answers") redirect(incomplete);
  const sections = summariseAnswers(
    draft.answers,
    studies,
    answeredQuestionSets(studies, draft.answers).map((set) => set.definition),
    { studyChoiceStep: choosesStudiesFirst(studies) ? "choose-studies" : "taking-part" },
  );

  return (
    <>
      <BackLink href="/register/taking-part" />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1 className="nhsuk-heading-l">Check your answers before registering</h1>
          {sections.map((section) => (
            <section key={section.step} aria-labelledby={`section-${section.step}`}>
              <h2 className="nhsuk-heading-m" id={`section-${section.step}`}>
                {section.title}
              </h2>
              <SummaryList
                rows={section.rows.map((row) => ({
                  key: row.question,
                  value: <span className="app-pre-line">{row.answer}</span>,
                  actions: [
                    {
                      href: `/register/${section.step}?change=1#${row.field}`,
                      text: "Change",
                      visuallyHiddenText: row.question.toLowerCase(),
                    },
                  ],
                }))}
              />
            </section>
          ))}
          <h2 className="nhsuk-heading-m">Now send your registration</h2>
          <p>
            By sending this registration you confirm that, to the best of your knowledge, the details you are providing
            are correct.
          </p>
          <SubmitRegistrationForm action={submitRegistration} />
        </div>
      </div>
    </>
  );
}
