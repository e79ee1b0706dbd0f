"use client";

import { Button, ErrorSummary } from "@/components/nhs";
import { useVolunteerForm, type VolunteerFormAction } from "./use-volunteer-form";

type Props = {
  action: VolunteerFormAction;
  volunteerId: string;
  participationId: string;
  /** "Send the invitation" or "Send a new consent link". */
  label: string;
  studyTitle: string;
};

/** One button: invites the volunteer to a study, or sends a fresh consent link (the old one stops working). */
export function InviteForm({ action, volunteerId, participationId, label, studyTitle }: Props) {
  const summaryId = `invite-errors-${participationId}`;
  const { errors, formAction, pending } = useVolunteerForm(action, summaryId);
  const buttonId = `invite-${participationId}`;
  return (
    <form action={formAction}>
      <ErrorSummary id={summaryId} errors={errors.invite ? [{ href: `#${buttonId}`, text: errors.invite }] : []} />
      <input type="hidden" name="volunteerId" value={volunteerId} />
      <input type="hidden" name="participationId" value={participationId} />
      <Button id={buttonId} variant="secondary" disabled={pending}>
        {label}
        <span className="nhsuk-u-visually-hidden"> ({studyTitle})</span>
      </Button>
    </form>
  );
}
