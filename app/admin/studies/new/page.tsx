import type { Metadata } from "next";
import { CreateStudyForm } from "@/components/admin/CreateStudyForm";
import { BackLink } from "@/components/nhs";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { newStudyFormValues } from "@/lib/studies/create-study-form";
import { questionSetsToChooseFrom } from "@/lib/studies/create-study";
import { createStudyAction } from "./actions";

export const metadata: Metadata = { title: "Create a study" };

export default async function NewStudyPage() {
  const researcher = await requireResearcher("ADMIN");
  const sets = await questionSetsToChooseFrom(getDb(), researcher);
  return (
    <>
      <BackLink href="/admin/studies">All studies</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1 className="nhsuk-heading-l">Create a study</h1>
          <p>
            The study is created as a draft: nobody outside the team can see it until you open it for recruitment. You
            can add its information sheet, consent form, questions and eligibility rules once it is created.
          </p>
          <CreateStudyForm action={createStudyAction} initial={newStudyFormValues(sets[0]?.id)} questionSets={sets} />
        </div>
      </div>
    </>
  );
}
