import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EraseForm } from "@/components/admin/volunteers/EraseForm";
import { BackLink, WarningCallout } from "@/components/nhs";
import { volunteerIdSchema } from "@/lib/volunteers/forms";
import { loadVolunteerRecord } from "@/lib/volunteers/load-volunteer-record";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { eraseAction } from "../actions";

export const metadata: Metadata = { title: "Erase their personal data" };

type Props = { params: Promise<{ id: string }> };

/** Admins only: what an erasure removes and what it keeps, and the typed confirmation. */
export default async function ErasePage({ params }: Props) {
  const researcher = await requireResearcher("ADMIN");
  const id = volunteerIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const record = await loadVolunteerRecord(getDb(), researcher, id.data);
  if (!record) notFound();
  const { volunteer } = record;
  return (
    <>
      <BackLink href={`/admin/volunteers/${volunteer.id}`}>Back to the volunteer</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {volunteer.erasedAt ? (
            <>
              <h1 className="nhsuk-heading-l">Their personal data has already been erased</h1>
              <p>There is nothing more to erase.</p>
            </>
          ) : (
            <>
              <span className="nhsuk-caption-l app-break-word">{volunteer.fullName}</span>
              <h1 className="nhsuk-heading-l">Erase their personal data</h1>
              <p>Do this when they ask for their personal data to be erased. It cannot be undone.</p>
              <h2 className="nhsuk-heading-m">What is erased</h2>
              <ul className="nhsuk-list nhsuk-list--bullet">
                <li>
                  their name, email address, phone number, organisation, staff group, role, region and partnership
                  country
                </li>
                <li>the answers of every registration they submitted (the dates stay)</li>
                <li>any registration they had not finished</li>
                <li>
                  the content and their address in every email to them or about them; emails not yet sent are cancelled
                </li>
              </ul>
              <p>Their links stop working, and any interview or workshop place still arranged is cancelled.</p>
              <WarningCallout heading="What is kept">
                <p>
                  The signed consent form and the record of any withdrawal are kept, as the ethics approval requires.
                </p>
                <p>
                  Their studies&apos; statuses and the audit trail are kept too. The signed consent form still shows the
                  name they typed.
                </p>
              </WarningCallout>
              <EraseForm action={eraseAction} volunteerId={volunteer.id} />
            </>
          )}
        </div>
      </div>
    </>
  );
}
