/** What happens next for one study, in words for the person who registered. */
export type StudyOutcome = {
  slug: string;
  title: string;
  kind: "INTERVIEW" | "WORKSHOP";
  invitationMode: "AUTOMATIC" | "AFTER_TRIAGE";
  eligible: boolean;
  reasons: string[];
};

export function nextStepsFor(outcome: StudyOutcome, contactEmail: string): string[] {
  if (!outcome.eligible) {
    return [
      "We will not contact you about this study.",
      `If you think we have got this wrong, or your situation changes, email ${contactEmail}.`,
    ];
  }
  const invitation =
    outcome.invitationMode === "AUTOMATIC"
      ? "We will email you the participant information sheet and a link to the consent form."
      : "The study team will look at your answers. If you are invited to take part, we will email you the participant information sheet and a link to the consent form. The team may not be able to invite everyone.";
  const afterConsent =
    outcome.kind === "INTERVIEW"
      ? "Once you have signed the consent form, a member of the study team will contact you to arrange an online interview (30 to 35 minutes, on MS Teams) at a time that suits you."
      : "We will share workshop dates and locations with you.";
  return [invitation, afterConsent];
}
