import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/nhs";
import { SlotPatternForm } from "@/components/scheduling/SlotPatternForm";
import { listInterviewers, listInterviewSlots, startOfUkToday } from "@/lib/interviews/list-interview-slots";
import { MAX_SLOTS_PER_PUBLISH } from "@/lib/interviews/slot-pattern";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { studySlugSchema } from "@/lib/studies/study-settings-form";
import { publishSlotsAction } from "../actions";

export const metadata: Metadata = { title: "Publish interview times" };

/** Publishing one interview time or a pattern of them for a study of interviews. Any researcher. */
export default async function PublishSlotsPage({ params }: { params: Promise<{ slug: string }> }) {
  const researcher = await requireResearcher();
  const { slug } = await params;
  if (!studySlugSchema.safeParse(slug).success) notFound();
  const db = getDb();
  const view = await listInterviewSlots(db, researcher, { studySlug: slug, from: startOfUkToday() });
  if (!view) notFound();
  const interviewers = await listInterviewers(db, researcher);
  return (
    <>
      <BackLink href={`/admin/studies/${view.study.slug}/slots`}>Back to the interview times</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{view.study.shortTitle}</span>
          <h1 className="nhsuk-heading-l">Publish interview times</h1>
          <p>
            Publish one time, or the same times on chosen days between two dates: up to {MAX_SLOTS_PER_PUBLISH} at once.
            All of them are published, or none if any cannot be (a time in the past, or one that overlaps the
            interviewer&apos;s other times).
          </p>
          <SlotPatternForm action={publishSlotsAction.bind(null, view.study.slug)} interviewers={interviewers} />
        </div>
      </div>
    </>
  );
}
