import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { BackLink, SummaryList } from "@/components/nhs";
import { ConfirmForm } from "@/components/scheduling/ConfirmForm";
import { sessionWhere, ukSpanWithZone } from "@/lib/scheduling/status-words";
import { loadWorkshopSession } from "@/lib/workshops/load-workshop-session";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { cancelSessionAction } from "../../actions";

export const metadata: Metadata = { title: "Cancel a workshop session" };

/** Asks before cancelling a session. Admins only. */
export default async function CancelSessionPage({ params }: { params: Promise<{ slug: string; sessionId: string }> }) {
  const researcher = await requireResearcher("ADMIN");
  const { slug, sessionId } = await params;
  const id = z.uuid().safeParse(sessionId);
  if (
    !id.success ||
    !z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/)
      .safeParse(slug).success
  )
    notFound();
  const view = await loadWorkshopSession(getDb(), researcher, { studySlug: slug, sessionId: id.data });
  if (!view) notFound();
  const { session, study } = view;
  const back = `/admin/studies/${study.slug}/sessions/${session.id}`;
  return (
    <>
      <BackLink href={back}>Back to the session</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{study.shortTitle}</span>
          <h1 className="nhsuk-heading-l">Cancel {session.title}?</h1>
          {session.cancelledAt ? (
            <p>This session has already been cancelled.</p>
          ) : (
            <>
              <SummaryList
                rows={[
                  { key: "When", value: ukSpanWithZone(session.startsAt, session.endsAt) },
                  { key: "Where", value: sessionWhere(session) },
                  {
                    key: "People affected",
                    value: `${session.booked} with a place, ${session.waitlisted} on the waiting list`,
                  },
                ]}
              />
              <p>
                Everyone with a place or on the waiting list will be emailed that it is cancelled (with a calendar
                cancellation for those with a place). They can then be given a place at another session. This cannot be
                undone.
              </p>
              <ConfirmForm
                action={cancelSessionAction.bind(null, study.slug, session.id)}
                formId="cancel"
                hidden={{}}
                submitLabel="Cancel the session"
                cancelHref={back}
                cancelLabel="No, keep it"
              />
            </>
          )}
        </div>
      </div>
    </>
  );
}
