import type { Metadata } from "next";
import Link from "next/link";
import { firstIncompletePath } from "@/lib/registration/journey";
import { listRecruitingStudies } from "@/lib/studies/recruiting-studies";
import { currentDraft } from "../draft-cookie";

export const metadata: Metadata = { title: "The questions have changed – Register your interest" };

/**
 * Where a refused post lands: the page was drawn from questions that have changed since, or belongs to a
 * study the person did not choose. Nothing from that post was saved.
 */
export default async function QuestionsChangedPage() {
  const draft = await currentDraft();
  const next =
    draft && !draft.submitted ? firstIncompletePath(await listRecruitingStudies(), draft.answers) : "/register";
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">The questions have changed since you opened this page</h1>
        <p>
          The study team has changed the questions, or the page you sent does not belong to the studies you chose. We
          have not saved the answers on that page.
        </p>
        <p>The answers you gave on other pages are still saved. Please answer the questions as they are now.</p>
        <p>
          <Link href={next}>Continue your registration</Link>
        </p>
      </div>
    </div>
  );
}
