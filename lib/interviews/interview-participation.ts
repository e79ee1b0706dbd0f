import { lockParticipation } from "@/lib/scheduling/transaction";
import { SchedulingError, SchedulingNotFoundError } from "@/lib/scheduling/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { InterviewPerson } from "./interview-notifications";

type Tx = Prisma.TransactionClient;

/**
 * Locks and loads a person's participation in an interview study, for the rest of the transaction. The
 * participation must be this volunteer's and in a study of interviews: ids changed in an address or a
 * form reach nothing else (a 404).
 */
export async function lockInterviewParticipation(tx: Tx, input: { volunteerId: string; participationId: string }) {
  if (!(await lockParticipation(tx, input.participationId))) throw new SchedulingNotFoundError("That participation");
  const participation = await tx.participation.findUnique({
    where: { id: input.participationId },
    include: { volunteer: true, study: true },
  });
  if (!participation || participation.volunteerId !== input.volunteerId || participation.study.kind !== "INTERVIEW") {
    throw new SchedulingNotFoundError("That participation");
  }
  if (participation.volunteer.erasedAt)
    throw new SchedulingError("This person's details have been erased, so nothing can be arranged for them.");
  return participation;
}

type LoadedParticipation = Awaited<ReturnType<typeof lockInterviewParticipation>>;

export function interviewPerson(participation: LoadedParticipation): InterviewPerson {
  const { volunteer, study } = participation;
  return {
    participationId: participation.id,
    volunteer: { id: volunteer.id, email: volunteer.email, fullName: volunteer.fullName },
    study: {
      title: study.title,
      contactName: study.contactName,
      contactEmail: study.contactEmail,
      interviewBookingCutoffHours: study.interviewBookingCutoffHours,
    },
  };
}

/** The interview named in a form: it must belong to this participation. */
export async function interviewOf(tx: Tx, participationId: string, interviewId: string) {
  const interview = await tx.interview.findUnique({ where: { id: interviewId } });
  if (!interview || interview.participationId !== participationId) throw new SchedulingNotFoundError("That interview");
  return interview;
}
