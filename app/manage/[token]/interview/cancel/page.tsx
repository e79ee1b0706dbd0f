import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/nhs";
import { InvalidLink } from "@/components/participation/InvalidLink";
import { ConfirmForm } from "@/components/scheduling/ConfirmForm";
import { getDb } from "@/lib/db/client";
import { loadOwnSlotChooser } from "@/lib/interviews/own-interview";
import { ukSlotSpan } from "@/lib/interviews/slot-days";
import { countUnknownLinkFromThisClient } from "@/lib/security/unknown-link";
import { cancelOwnInterviewAction } from "../actions";

export const metadata: Metadata = { title: "Cancel your interview", robots: { index: false } };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ for?: string }> };

/** Asks once before the person cancels their own interview; cancelling is the button, going back does nothing. */
export default async function CancelOwnInterviewPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { for: participationId } = await searchParams;
  const view = await loadOwnSlotChooser(getDb(), token, participationId);
  if (view.kind === "invalid") {
    await countUnknownLinkFromThisClient();
    return <InvalidLink />;
  }
  if (view.kind === "not-found") notFound();
  const back = `/manage/${token}`;
  return (
    <>
      <BackLink href={back} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{view.studyTitle}</span>
          <h1 className="nhsuk-heading-l">Cancel your interview</h1>
          {!view.booked ? (
            <p>You have no interview booked, so there is nothing to cancel.</p>
          ) : !view.booked.mayChange ? (
            <p>{view.booked.afterCutoff}</p>
          ) : (
            <>
              <p>
                Your interview is booked for {ukSlotSpan(view.booked)}. If you cancel it, we will email you to confirm
                and remove it from your calendar. You can choose another time afterwards if you wish.
              </p>
              <ConfirmForm
                action={cancelOwnInterviewAction.bind(null, token)}
                formId="cancel-interview"
                hidden={{ participationId: view.participationId }}
                submitLabel="Cancel the interview"
                cancelHref={back}
                cancelLabel="Keep the interview"
              />
            </>
          )}
        </div>
      </div>
    </>
  );
}
