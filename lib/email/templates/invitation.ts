import type { EmailContent } from "../enqueue-email";
import { formatUkDate, formatUkDateTime } from "@/lib/text/uk-dates";
import { renderEmail, type EmailBlock } from "./layout";
import { manageParticipationBlocks, SIGN_OFF } from "./manage-participation";

export type InvitationInput = {
  fullName: string;
  studyTitle: string;
  informationSheetVersion: string;
  informationSheetDate: Date;
  informationSheetUrl: string;
  /** The personal link to the consent form. */
  consentUrl: string;
  linkExpiresAt: Date;
  considerationPeriodHours: number;
  /** When the consideration period ends, if it has not yet: the form cannot be signed before then. */
  signableFrom: Date | null;
  contactName: string;
  contactEmail: string;
  manageUrl: string;
  /** The consent form changed: someone who already consented is asked to sign the new version. */
  reconsent: boolean;
};

function period(hours: number): string {
  if (hours >= 48 && hours % 24 === 0) return `${hours / 24} days`;
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

/** The invitation to take part in one study (or to review an updated consent form), with its personal link. */
export function renderInvitation(input: InvitationInput): EmailContent {
  const title = input.reconsent
    ? "Please review the updated consent form"
    : "You are invited to take part in a research study";
  const blocks: EmailBlock[] = [{ kind: "paragraph", text: `Dear ${input.fullName},` }];
  if (input.reconsent) {
    blocks.push(
      { kind: "paragraph", text: `The consent form for ${input.studyTitle} has been updated.` },
      {
        kind: "paragraph",
        text: "Your earlier consent stays on record. We are asking you to review and sign the new version so that you can carry on taking part.",
      },
    );
  } else {
    blocks.push({
      kind: "paragraph",
      text: `You are invited to take part in ${input.studyTitle}. This is part of the THET and Imperial College London research on bi-directional learning in international health partnerships.`,
    });
  }
  blocks.push(
    { kind: "heading", text: "Read the participant information sheet" },
    {
      kind: "paragraph",
      text: `Please read the participant information sheet (version ${input.informationSheetVersion}, ${formatUkDate(input.informationSheetDate)}) before you decide.`,
    },
    { kind: "link", text: "Participant information sheet", href: input.informationSheetUrl },
    { kind: "heading", text: "Taking part is voluntary" },
    {
      kind: "paragraph",
      text: "It is up to you whether you take part. If you do, you can withdraw at any time without giving a reason.",
    },
    { kind: "heading", text: input.reconsent ? "Review and sign the new consent form" : "Sign the consent form" },
    {
      kind: "paragraph",
      text: input.reconsent
        ? "To carry on taking part, read and sign the new consent form online."
        : "To take part, read and sign the consent form online.",
    },
    { kind: "link", text: "Consent form", href: input.consentUrl },
    {
      kind: "paragraph",
      text: `This link is personal to you. Do not forward this email. The link works until ${formatUkDateTime(input.linkExpiresAt)}.`,
    },
  );
  if (input.signableFrom) {
    const atLeast =
      input.considerationPeriodHours > 0
        ? ` We ask everyone to take at least ${period(input.considerationPeriodHours)} to decide.`
        : "";
    blocks.push({
      kind: "paragraph",
      text: `You can sign the form from ${formatUkDateTime(input.signableFrom)}, so that you have time to consider.${atLeast}`,
    });
  }
  blocks.push(
    { kind: "heading", text: "Questions" },
    {
      kind: "paragraph",
      text: `If you have questions, or would like to speak to the study team before you decide, use the consent page or contact ${input.contactName} at ${input.contactEmail}.`,
    },
    SIGN_OFF,
    ...manageParticipationBlocks(input.manageUrl),
  );
  const subject = input.reconsent
    ? `Please review the updated consent form: ${input.studyTitle}`
    : `You are invited to take part: ${input.studyTitle}`;
  return { subject, ...renderEmail(title, blocks) };
}
