import type { Metadata } from "next";
import { AddResearcherForm } from "@/components/admin/AddResearcherForm";
import { BackLink } from "@/components/nhs";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { addResearcherAction } from "../actions";

export const metadata: Metadata = { title: "Add a researcher" };

export default async function AddResearcherPage() {
  await requireResearcher("ADMIN");
  return (
    <>
      <BackLink href="/admin/researchers">Back to researchers</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1 className="nhsuk-heading-l">Add a researcher</h1>
          <p>
            We will email them to say they have an account. The first time they sign in, they set up an authenticator
            app on their phone.
          </p>
          <AddResearcherForm action={addResearcherAction} />
        </div>
      </div>
    </>
  );
}
