import type { Metadata } from "next";
import { BackLink } from "@/components/nhs";
import { QuestionsForm } from "@/components/consent/QuestionsForm";
import { InvalidLink } from "@/components/participation/InvalidLink";
import { findConsentInvitation } from "@/lib/consent/consent-invitation";
import { getDb } from "@/lib/db/client";
import { askTeamAction } from "../actions";
import { countUnknownLinkFromThisClient } from "@/lib/security/unknown-link";

export const metadata: Metadata = { title: "Speak to the study team", robots: { index: false } };

export default async function QuestionsPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findConsentInvitation(getDb(), token);
  if (invitation.kind === "invalid") await countUnknownLinkFromThisClient();
  if (invitation.kind !== "ready") return <InvalidLink />;
  return (
    <>
      <BackLink href={`/consent/${token}`} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1 className="nhsuk-heading-l">Speak to the study team first</h1>
          <p>
            We will ask a member of the {invitation.study.title} team to contact you. You can also email{" "}
            {invitation.study.contactName} at{" "}
            <a href={`mailto:${invitation.study.contactEmail}`}>{invitation.study.contactEmail}</a>.
          </p>
          <QuestionsForm action={askTeamAction.bind(null, token)} studyTitle={invitation.study.title} />
        </div>
      </div>
    </>
  );
}
