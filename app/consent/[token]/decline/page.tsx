import type { Metadata } from "next";
import { BackLink, Button } from "@/components/nhs";
import { InvalidLink } from "@/components/participation/InvalidLink";
import { findConsentInvitation } from "@/lib/consent/consent-invitation";
import { getDb } from "@/lib/db/client";
import { declineAction } from "../actions";
import { countUnknownLinkFromThisClient } from "@/lib/security/unknown-link";

export const metadata: Metadata = { title: "Not taking part", robots: { index: false } };

export default async function DeclinePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findConsentInvitation(getDb(), token);
  if (invitation.kind === "invalid") await countUnknownLinkFromThisClient();
  if (invitation.kind !== "ready") return <InvalidLink />;
  return (
    <>
      <BackLink href={`/consent/${token}`} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1 className="nhsuk-heading-l">Are you sure you do not want to take part?</h1>
          <p>
            You do not have to take part in {invitation.study.title}, and you do not need to give a reason. If you
            confirm, we will not contact you about this study again.
          </p>
          <p>
            If you change your mind later, contact {invitation.study.contactName} at {invitation.study.contactEmail}.
          </p>
          <form action={declineAction.bind(null, token)}>
            <Button variant="warning">Yes, I do not want to take part</Button>
          </form>
        </div>
      </div>
    </>
  );
}
