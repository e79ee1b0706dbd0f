import { canWithdraw } from "@/lib/participation/status";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RecordWithdrawalForm } from "@/components/admin/volunteers/RecordWithdrawalForm";
import { BackLink } from "@/components/nhs";
import { volunteerIdSchema } from "@/lib/volunteers/forms";
import { loadVolunteerRecord } from "@/lib/volunteers/load-volunteer-record";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { recordWithdrawalAction } from "../actions";

export const metadata: Metadata = { title: "Record a withdrawal" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string }> };

/** Records a withdrawal the volunteer asked for by phone, email, in person or letter. This page is the confirmation step. */
export default async function RecordWithdrawalPage({ params, searchParams }: Props) {
  const researcher = await requireResearcher();
  const id = volunteerIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const record = await loadVolunteerRecord(getDb(), researcher, id.data);
  if (!record) notFound();
  const { from } = await searchParams;
  const erased = record.volunteer.erasedAt !== null;
  const open = record.participations
    .filter((p) => canWithdraw(p.status))
    .map((p) => ({ id: p.id, title: p.study.title }));
  const preselected = open.find((p) => p.id === from)?.id ?? (from === "all" ? "all" : null);
  return (
    <>
      <BackLink href={`/admin/volunteers/${id.data}`}>Back to the volunteer</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l app-break-word">
            {erased ? "Erased volunteer" : record.volunteer.fullName}
          </span>
          <h1 className="nhsuk-heading-l">Record a withdrawal</h1>
          {erased ? (
            <p>This person&apos;s details have been erased, so a withdrawal cannot be recorded here.</p>
          ) : open.length === 0 ? (
            <p>They have already withdrawn from every study.</p>
          ) : (
            <>
              <p>
                Use this when they tell you they want to withdraw. Anything arranged for them in those studies (an
                interview, a workshop place, a consent link, emails waiting to be sent) is cancelled, and they and the
                study team are emailed to confirm.
              </p>
              <RecordWithdrawalForm
                action={recordWithdrawalAction}
                volunteerId={id.data}
                studies={open}
                preselected={preselected}
              />
            </>
          )}
        </div>
      </div>
    </>
  );
}
