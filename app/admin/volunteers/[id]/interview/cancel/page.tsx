import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { BackLink, SummaryList } from "@/components/nhs";
import { ConfirmForm } from "@/components/scheduling/ConfirmForm";
import { loadInterviewPage } from "@/lib/interviews/load-interview-page";
import { ukDateTimeWithZone } from "@/lib/scheduling/status-words";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { cancelInterviewAction } from "../actions";

export const metadata: Metadata = { title: "Cancel the interview" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ study?: string }> };

/** Asks before cancelling a booked interview. Any researcher. */
export default async function CancelInterviewPage({ params, searchParams }: Props) {
  const researcher = await requireResearcher();
  const { id } = await params;
  const { study } = await searchParams;
  const volunteerId = z.uuid().safeParse(id);
  if (!volunteerId.success) notFound();
  const view = await loadInterviewPage(getDb(), researcher, {
    volunteerId: volunteerId.data,
    ...(typeof study === "string" ? { studySlug: study } : {}),
  });
  if (!view) notFound();
  const back = `/admin/volunteers/${view.volunteer.id}/interview`;
  return (
    <>
      <BackLink href={back} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{view.volunteer.fullName}</span>
          <h1 className="nhsuk-heading-l">Cancel the interview?</h1>
          {view.participation && view.booked ? (
            <>
              <SummaryList
                rows={[
                  { key: "When", value: ukDateTimeWithZone(view.booked.startsAt) },
                  { key: "Length", value: `${view.booked.durationMinutes} minutes` },
                ]}
              />
              <p>
                We will email {view.volunteer.fullName} that it is cancelled, with a calendar cancellation that removes
                it from their calendar. You can book another time afterwards.
              </p>
              <ConfirmForm
                action={cancelInterviewAction.bind(null, view.volunteer.id)}
                formId="cancel"
                hidden={{ participationId: view.participation.id, interviewId: view.booked.id }}
                submitLabel="Cancel the interview"
                cancelHref={back}
                cancelLabel="No, keep it"
              />
            </>
          ) : (
            <p>There is no booked interview to cancel.</p>
          )}
        </div>
      </div>
    </>
  );
}
