import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Panel, Tag } from "@/components/nhs";
import { STUDY_CONTACT } from "@/lib/site";
import { nextStepsFor } from "@/lib/registration/next-steps";
import { currentDraft } from "../draft-cookie";

export const metadata: Metadata = { title: "Registration complete" };

export default async function ConfirmationPage() {
  const draft = await currentDraft();
  if (!draft) redirect("/register?expired=1");
  if (!draft.submitted) redirect("/register/check-answers");
  const outcomes = draft.outcomes ?? [];

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Panel heading="Registration complete">
          <p>Thank you for registering your interest.</p>
        </Panel>
        <p>
          We have emailed these details to you. If the email does not arrive within an hour, check your spam or junk
          folder.
        </p>
        {outcomes.map((outcome) => (
          <section key={outcome.slug} aria-labelledby={`outcome-${outcome.slug}`}>
            <h2 className="nhsuk-heading-m" id={`outcome-${outcome.slug}`}>
              {outcome.title}
            </h2>
            {outcome.eligible ? (
              <p>
                <Tag colour="green">You can take part</Tag>
              </p>
            ) : (
              <>
                <p>
                  <Tag colour="grey">You cannot take part</Tag>
                </p>
                <p>This is because:</p>
                <ul>
                  {outcome.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </>
            )}
            <h3 className="nhsuk-heading-s">What happens next</h3>
            <ul>
              {nextStepsFor(outcome, STUDY_CONTACT.email).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
        ))}
        <h2 className="nhsuk-heading-m">Changing your mind</h2>
        <p>Taking part is voluntary. You can change your mind at any time, without giving a reason.</p>
        <p>
          If you have any questions, contact {STUDY_CONTACT.name} at{" "}
          <a href={`mailto:${STUDY_CONTACT.email}`}>{STUDY_CONTACT.email}</a>.
        </p>
      </div>
    </div>
  );
}
