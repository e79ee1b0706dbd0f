import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { BackLink, SummaryList } from "@/components/nhs";
import { ConfirmForm } from "@/components/scheduling/ConfirmForm";
import { sessionWhere, ukSpanWithZone } from "@/lib/scheduling/status-words";
import { loadWorkshopPage } from "@/lib/workshops/load-workshop-page";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { cancelWorkshopPlaceAction } from "../actions";

export const metadata: Metadata = { title: "Cancel the workshop place" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ study?: string }> };

/** Asks before cancelling a workshop place or a place on a waiting list. Any researcher. */
export default async function CancelWorkshopPlacePage({ params, searchParams }: Props) {
  const researcher = await requireResearcher();
  const { id } = await params;
  const { study } = await searchParams;
  const volunteerId = z.uuid().safeParse(id);
  if (!volunteerId.success) notFound();
  const view = await loadWorkshopPage(getDb(), researcher, {
    volunteerId: volunteerId.data,
    ...(typeof study === "string" ? { studySlug: study } : {}),
  });
  if (!view) notFound();
  const back = `/admin/volunteers/${view.volunteer.id}/workshop`;
  const current = view.current;
  // An offered place is not in their calendar yet: taking it away is like leaving the waiting list.
  const waitlisted = current?.status === "WAITLISTED" || current?.status === "OFFERED";
  return (
    <>
      <BackLink href={back} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{view.volunteer.fullName}</span>
          <h1 className="nhsuk-heading-l">
            {waitlisted ? "Take them off the waiting list?" : "Cancel the workshop place?"}
          </h1>
          {view.participation && current ? (
            <>
              <SummaryList
                rows={[
                  { key: "Session", value: current.session.title },
                  { key: "When", value: ukSpanWithZone(current.session.startsAt, current.session.endsAt) },
                  { key: "Where", value: sessionWhere(current.session) },
                ]}
              />
              <p>
                {waitlisted
                  ? `We will email ${view.volunteer.fullName} that they are no longer on the waiting list.`
                  : `We will email ${view.volunteer.fullName} that their place is cancelled, with a calendar cancellation. The place goes to the first person on the session's waiting list, if anyone is waiting.`}
              </p>
              <ConfirmForm
                action={cancelWorkshopPlaceAction.bind(null, view.volunteer.id)}
                formId="cancel"
                hidden={{ participationId: view.participation.id, bookingId: current.id }}
                submitLabel={waitlisted ? "Take them off the waiting list" : "Cancel the place"}
                cancelHref={back}
                cancelLabel="No, keep it"
              />
            </>
          ) : (
            <p>They have no workshop place to cancel.</p>
          )}
        </div>
      </div>
    </>
  );
}
