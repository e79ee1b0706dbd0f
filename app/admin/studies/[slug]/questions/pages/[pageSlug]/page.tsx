import type { Metadata } from "next";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { notFound } from "next/navigation";
import { QuestionPageForm } from "@/components/admin/QuestionPageForm";
import { BackLink } from "@/components/nhs";
import { savePageAction } from "../../actions";
import { draftForPage } from "../../builder-page";

export const metadata: Metadata = { title: "Change a page of questions" };

export default async function ChangeQuestionPagePage({
  params,
}: {
  params: Promise<{ slug: string; pageSlug: string }>;
}) {
  const researcher = await requireResearcher("ADMIN");
  const { slug, pageSlug } = await params;
  const { study, draft } = await draftForPage(researcher, slug);
  const page = draft.definition.pages.find((p) => p.slug === pageSlug);
  if (!page) notFound();
  return (
    <>
      <BackLink href={`/admin/studies/${study.slug}/questions`}>Back to the questions</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">Draft of version {draft.version}</span>
          <h1 className="nhsuk-heading-l">Change the page &ldquo;{page.title}&rdquo;</h1>
          <QuestionPageForm
            action={savePageAction.bind(null, study.slug, page.slug)}
            initial={{ title: page.title, slug: page.slug }}
            submitLabel="Save the page"
          />
        </div>
      </div>
    </>
  );
}
