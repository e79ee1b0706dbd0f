import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink, Panel } from "@/components/nhs";
import { InvalidLink } from "@/components/participation/InvalidLink";
import { SlotChooser } from "@/components/participation/SlotChooser";
import { YourTime } from "@/components/participation/YourTime";
import { getDb } from "@/lib/db/client";
import { CHOOSE_A_TIME, loadOwnSlotChooser } from "@/lib/interviews/own-interview";
import { ukSlotSpan } from "@/lib/interviews/slot-days";
import { countUnknownLinkFromThisClient } from "@/lib/security/unknown-link";
import { bookOwnSlotAction } from "./actions";

export const metadata: Metadata = { title: CHOOSE_A_TIME, robots: { index: false } };

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ for?: string; done?: string }>;
};

/** The person chooses (or changes) the time of their interview from the open slots, by UK day. */
export default async function OwnInterviewPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { for: participationId, done } = await searchParams;
  const view = await loadOwnSlotChooser(getDb(), token, participationId);
  if (view.kind === "invalid") {
    await countUnknownLinkFromThisClient();
    return <InvalidLink />;
  }
  if (view.kind === "not-found") notFound();
  const back = `/manage/${token}`;

  if ((done === "booked" || done === "moved") && view.booked) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <Panel heading={done === "moved" ? "Interview moved" : "Interview booked"}>
            <p>
              {ukSlotSpan(view.booked)}
              <YourTime startsAt={view.booked.startsAt.toISOString()} />
            </p>
          </Panel>
          <p>We have emailed you the details and a calendar invitation.</p>
          <p>
            <Link href={back}>Back to manage your participation</Link>
          </p>
        </div>
      </div>
    );
  }

  const heading = view.booked ? "Change the time of your interview" : CHOOSE_A_TIME;
  return (
    <>
      <BackLink href={back} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{view.studyTitle}</span>
          <h1 className="nhsuk-heading-l">{heading}</h1>
          {view.booked ? (
            <p>
              Your interview is booked for {ukSlotSpan(view.booked)}. Choosing another time moves it, and we will email
              you a new calendar invitation.
            </p>
          ) : null}
          {view.unavailable ? (
            <p>{view.unavailable}</p>
          ) : view.days.length === 0 ? (
            <p>
              There are no times to choose from at the moment. Please check again later, or contact {view.contact.name}{" "}
              at <a href={`mailto:${view.contact.email}`}>{view.contact.email}</a>.
            </p>
          ) : (
            <>
              <p>The interview is online, on Microsoft Teams. Times are in UK time. Choose the time that suits you.</p>
              <SlotChooser
                action={bookOwnSlotAction.bind(null, token)}
                participationId={view.participationId}
                submitLabel="Book this time"
                days={view.days.map((d) => ({
                  day: d.day,
                  slots: d.slots.map((s) => ({ id: s.id, label: s.label, startsAt: s.startsAt.toISOString() })),
                }))}
              />
            </>
          )}
        </div>
      </div>
    </>
  );
}
