import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink, SummaryList } from "@/components/nhs";
import { ConfirmForm } from "@/components/scheduling/ConfirmForm";
import { findInterviewSlot } from "@/lib/interviews/list-interview-slots";
import { ukDateTimeWithZone } from "@/lib/scheduling/status-words";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { studySlugSchema } from "@/lib/studies/study-settings-form";
import { withdrawSlotAction } from "../../actions";

export const metadata: Metadata = { title: "Withdraw an interview time" };

/** Asks before taking an unbooked interview time off offer. Any researcher. */
export default async function WithdrawSlotPage({ params }: { params: Promise<{ slug: string; slotId: string }> }) {
  const researcher = await requireResearcher();
  const { slug, slotId } = await params;
  if (!studySlugSchema.safeParse(slug).success) notFound();
  const found = await findInterviewSlot(getDb(), researcher, { studySlug: slug, slotId });
  if (!found) notFound();
  const { study, slot } = found;
  const back = `/admin/studies/${study.slug}/slots`;
  return (
    <>
      <BackLink href={back}>Back to the interview times</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{study.shortTitle}</span>
          <h1 className="nhsuk-heading-l">Withdraw this interview time?</h1>
          <SummaryList
            rows={[
              { key: "When", value: ukDateTimeWithZone(slot.startsAt) },
              { key: "Length", value: `${slot.durationMinutes} minutes` },
              { key: "Interviewer", value: slot.interviewerName ?? "Not decided yet" },
            ]}
          />
          {slot.state === "WITHDRAWN" ? (
            <p>This time has already been withdrawn.</p>
          ) : slot.bookedBy ? (
            <p>
              Someone has booked this time, so it cannot be withdrawn. To free it,{" "}
              <Link href={`/admin/volunteers/${slot.bookedBy.volunteerId}/interview/cancel`}>
                cancel their interview
              </Link>
              : they will be told.
            </p>
          ) : (
            <>
              <p>Nobody will be able to book it. It stays on the list as withdrawn.</p>
              <ConfirmForm
                action={withdrawSlotAction.bind(null, study.slug, slot.id)}
                formId="withdraw"
                hidden={{}}
                submitLabel="Withdraw this time"
                cancelHref={back}
                cancelLabel="No, keep it on offer"
              />
            </>
          )}
        </div>
      </div>
    </>
  );
}
