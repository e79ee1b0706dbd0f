import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { BackLink } from "@/components/nhs";
import { SessionForm } from "@/components/scheduling/SessionForm";
import { listWorkshopSessions } from "@/lib/workshops/list-workshop-sessions";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { createSessionAction } from "../actions";

export const metadata: Metadata = { title: "Add a workshop session" };

/** Adding a session to a study of workshops. Admins only. */
export default async function NewSessionPage({ params }: { params: Promise<{ slug: string }> }) {
  const researcher = await requireResearcher("ADMIN");
  const { slug } = await params;
  if (
    !z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/)
      .safeParse(slug).success
  )
    notFound();
  const view = await listWorkshopSessions(getDb(), researcher, { studySlug: slug });
  if (!view) notFound();
  return (
    <>
      <BackLink href={`/admin/studies/${view.study.slug}/sessions`}>Back to the sessions</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{view.study.shortTitle}</span>
          <h1 className="nhsuk-heading-l">Add a session</h1>
          <SessionForm
            action={createSessionAction.bind(null, view.study.slug)}
            defaults={{
              title: "",
              day: "",
              month: "",
              year: "",
              startTime: "",
              endTime: "",
              mode: "",
              location: "",
              onlineLink: "",
              region: "",
              capacity: "",
            }}
            submitLabel="Add the session"
          />
        </div>
      </div>
    </>
  );
}
