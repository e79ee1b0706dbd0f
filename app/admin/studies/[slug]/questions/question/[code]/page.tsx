import type { Metadata } from "next";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { notFound } from "next/navigation";
import { QuestionForm } from "@/components/admin/QuestionForm";
import { BackLink } from "@/components/nhs";
import { findQuestion } from "@/lib/questions/definition";
import { questionFormValues } from "@/lib/questions/question-forms";
import { saveQuestionAction } from "../../actions";
import { draftForPage } from "../../builder-page";

export const metadata: Metadata = { title: "Change a question" };

export default async function ChangeQuestionPage({ params }: { params: Promise<{ slug: string; code: string }> }) {
  const researcher = await requireResearcher("ADMIN");
  const { slug, code } = await params;
  const { study, draft } = await draftForPage(researcher, slug);
  const question = findQuestion(draft.definition, code);
  if (!question) notFound();
  return (
    <>
      <BackLink href={`/admin/studies/${study.slug}/questions`}>Back to the questions</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">Draft of version {draft.version}</span>
          <h1 className="nhsuk-heading-l">Change the question &ldquo;{question.shortLabel}&rdquo;</h1>
          <QuestionForm
            action={saveQuestionAction.bind(null, study.slug, { code: question.code })}
            initial={questionFormValues(question)}
            isNew={false}
            submitLabel="Save the question"
          />
        </div>
      </div>
    </>
  );
}
