import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { BackLink, InsetText } from "@/components/nhs";
import { SessionForm } from "@/components/scheduling/SessionForm";
import { loadWorkshopSession } from "@/lib/workshops/load-workshop-session";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { formatWallTime, londonFormFields, londonWallClock } from "@/lib/text/london-time";
import { updateSessionAction } from "../../actions";

export const metadata: Metadata = { title: "Change a workshop session" };

/** Changing a session. Admins only. */
export default async function EditSessionPage({ params }: { params: Promise<{ slug: string; sessionId: string }> }) {
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
  const start = londonFormFields(session.startsAt);
  return (
    <>
      <BackLink href={`/admin/studies/${study.slug}/sessions/${session.id}`}>Back to the session</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{study.shortTitle}</span>
          <h1 className="nhsuk-heading-l">Change {session.title}</h1>
          {session.cancelledAt ? (
            <p>This session has been cancelled, so it cannot be changed.</p>
          ) : (
            <>
              <InsetText>
                <p>
                  {session.booked} {session.booked === 1 ? "person has" : "people have"} a place and{" "}
                  {session.waitlisted} {session.waitlisted === 1 ? "is" : "are"} waiting. If you change the time or
                  place, they are all emailed (those with a place get an updated calendar invitation). Places you add go
                  to the waiting list at once.
                </p>
              </InsetText>
              <SessionForm
                action={updateSessionAction.bind(null, study.slug, session.id)}
                defaults={{
                  title: session.title,
                  day: start.day,
                  month: start.month,
                  year: start.year,
                  startTime: start.time,
                  endTime: formatWallTime(londonWallClock(session.endsAt)),
                  mode: session.mode,
                  location: session.location ?? "",
                  onlineLink: session.onlineLink ?? "",
                  region: session.region ?? "",
                  capacity: String(session.capacity),
                }}
                submitLabel="Save the session"
              />
            </>
          )}
        </div>
      </div>
    </>
  );
}
