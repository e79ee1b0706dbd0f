import type { Metadata } from "next";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { notFound } from "next/navigation";
import { QuestionForm } from "@/components/admin/QuestionForm";
import { BackLink } from "@/components/nhs";
import { saveQuestionAction } from "../../../actions";
import { draftForPage } from "../../../builder-page";

export const metadata: Metadata = { title: "Add a question" };

export default async function NewQuestionPage({ params }: { params: Promise<{ slug: string; pageSlug: string }> }) {
  const researcher = await requireResearcher("ADMIN");
  const { slug, pageSlug } = await params;
  const { study, draft } = await draftForPage(researcher, slug);
  const page = draft.definition.pages.find((p) => p.slug === pageSlug);
  if (!page) notFound();
  const initial = {
    kind: "",
    label: "",
    shortLabel: "",
    code: "",
    hint: "",
    required: "yes",
    options: "",
    min: "",
    max: "",
  };
  return (
    <>
      <BackLink href={`/admin/studies/${study.slug}/questions`}>Back to the questions</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">
            Draft of version {draft.version}, page &ldquo;{page.title}&rdquo;
          </span>
          <h1 className="nhsuk-heading-l">Add a question</h1>
          <QuestionForm
            action={saveQuestionAction.bind(null, study.slug, { pageSlug: page.slug })}
            initial={initial}
            isNew
            submitLabel="Add the question"
          />
        </div>
      </div>
    </>
  );
}
