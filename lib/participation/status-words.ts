import type { ParticipationStatus } from "@/lib/generated/prisma/client";

/** A participation's status as the person themself reads it: a short tag, and what it means for them. */
export const statusForParticipant: Record<ParticipationStatus, { tag: string; detail?: string }> = {
  INTERESTED: { tag: "Registered" },
  ELIGIBLE: { tag: "Registered", detail: "The study team will contact you if you are invited to take part." },
  INELIGIBLE: {
    tag: "Not able to take part",
    detail: "From your answers, this study is not one you can take part in.",
  },
  INVITED: {
    tag: "Invited",
    detail: "Please read the information sheet and decide. The link to the consent form is in our email.",
  },
  CONSENTED: { tag: "Consent given" },
  DECLINED: { tag: "Not taking part", detail: "You chose not to take part." },
  SCHEDULED: { tag: "Arranged", detail: "The study team has sent you the details." },
  COMPLETED: { tag: "Taken part", detail: "Thank you for taking part." },
  WITHDRAWN: { tag: "Withdrawn" },
  WAITLISTED: { tag: "Waiting list", detail: "You are on the waiting list for a workshop place." },
};
