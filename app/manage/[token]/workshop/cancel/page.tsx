import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink, SummaryList } from "@/components/nhs";
import { InvalidLink } from "@/components/participation/InvalidLink";
import { ConfirmForm } from "@/components/scheduling/ConfirmForm";
import { sessionWhere, ukSpanWithZone } from "@/lib/scheduling/status-words";
import { cancelOwnWorkshopPlaceAction } from "../actions";
import { ownWorkshopAddress, type OwnWorkshopProps } from "../own-workshop-address";

export const metadata: Metadata = { title: "Give up your workshop place", robots: { index: false } };

/** The second step of giving up one's place or leaving a waiting list: one button, or back. */
export default async function CancelOwnWorkshopPlacePage(props: OwnWorkshopProps) {
  const address = await ownWorkshopAddress(props);
  if (address.kind === "invalid") return <InvalidLink />;
  const { token, view } = address;
  const { participation, current } = view;
  if (!current) notFound();
  const back = `/manage/${token}/workshop?p=${participation.id}`;
  const waitlisted = current.status === "WAITLISTED";
  return (
    <>
      <BackLink href={back} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{participation.studyTitle}</span>
          <h1 className="nhsuk-heading-l">{waitlisted ? "Leave the waiting list?" : "Give up your place?"}</h1>
          <SummaryList
            rows={[
              { key: "Session", value: current.session.title },
              { key: "When", value: ukSpanWithZone(current.session.startsAt, current.session.endsAt) },
              { key: "Where", value: sessionWhere(current.session) },
            ]}
          />
          <p>
            {waitlisted
              ? "You will no longer be offered a place at this session. You stay in the study and can choose another session."
              : "Your place will be offered to the next person on the waiting list. You stay in the study and can choose another session."}
          </p>
          <ConfirmForm
            action={cancelOwnWorkshopPlaceAction.bind(null, token)}
            formId="cancel-place"
            hidden={{ participationId: participation.id, bookingId: current.bookingId }}
            submitLabel={waitlisted ? "Leave the waiting list" : "Give up my place"}
            cancelHref={back}
            cancelLabel="No, keep it"
          />
        </div>
      </div>
    </>
  );
}
