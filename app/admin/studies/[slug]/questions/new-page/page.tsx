import type { Metadata } from "next";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { QuestionPageForm } from "@/components/admin/QuestionPageForm";
import { BackLink } from "@/components/nhs";
import { savePageAction } from "../actions";
import { draftForPage } from "../builder-page";

export const metadata: Metadata = { title: "Add a page of questions" };

export default async function NewQuestionPagePage({ params }: { params: Promise<{ slug: string }> }) {
  const researcher = await requireResearcher("ADMIN");
  const { study, draft } = await draftForPage(researcher, (await params).slug);
  return (
    <>
      <BackLink href={`/admin/studies/${study.slug}/questions`}>Back to the questions</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">Draft of version {draft.version}</span>
          <h1 className="nhsuk-heading-l">Add a page of questions</h1>
          <QuestionPageForm
            action={savePageAction.bind(null, study.slug, null)}
            initial={{ title: "", slug: "" }}
            submitLabel="Add the page"
          />
        </div>
      </div>
    </>
  );
}
