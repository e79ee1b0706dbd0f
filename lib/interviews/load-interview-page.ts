import { hasSignedCurrentConsent } from "@/lib/scheduling/signed-consent";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import type { InterviewStatus, ParticipationStatus } from "@/lib/generated/prisma/client";
import { listOpenSlots, type OpenSlot } from "./interview-slots";

export type InterviewPageView = {
  volunteer: { id: string; fullName: string; email: string; erased: boolean };
  /** Every study of interviews the person is in, for choosing between them when there are several. */
  studies: { slug: string; shortTitle: string }[];
  participation: {
    id: string;
    status: ParticipationStatus;
    study: { slug: string; title: string; shortTitle: string };
    /** Signed the study's current consent form (needed to book or move an interview). */
    signedCurrentConsent: boolean;
  } | null;
  /** The interview booked now, if any. */
  booked: InterviewRow | null;
  /** Every interview, newest first. */
  history: InterviewRow[];
  /** The study's published times still on offer, which a researcher may book for them (any future one). */
  openSlots: OpenSlot[];
};

export type InterviewRow = {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  meetingLink: string;
  status: InterviewStatus;
  calendarSequence: number;
  scheduledBy: string | null;
};

/**
 * A volunteer's interview page: their participation in a study of interviews (the one named by `studySlug`,
 * or the first), whether they may be booked, and their interviews. Any researcher may see it. Null when
 * there is no such volunteer (a 404).
 */
export async function loadInterviewPage(
  db: Database,
  _actor: Researcher,
  input: { volunteerId: string; studySlug?: string },
  now = new Date(),
): Promise<InterviewPageView | null> {
  const volunteer = await db.volunteer.findUnique({
    where: { id: input.volunteerId },
    include: {
      participations: {
        where: { study: { kind: "INTERVIEW" } },
        include: { study: true },
        orderBy: [{ study: { displayOrder: "asc" } }, { createdAt: "asc" }],
      },
    },
  });
  if (!volunteer) return null;
  const chosen =
    volunteer.participations.find((p) => p.study.slug === input.studySlug) ?? volunteer.participations[0] ?? null;
  const interviews = chosen
    ? await db.interview.findMany({
        where: { participationId: chosen.id },
        include: { scheduledBy: { select: { name: true, email: true } } },
        orderBy: [{ createdAt: "desc" }],
      })
    : [];
  const rows: InterviewRow[] = interviews.map((i) => ({
    id: i.id,
    startsAt: i.startsAt,
    durationMinutes: i.durationMinutes,
    meetingLink: i.meetingLink,
    status: i.status,
    calendarSequence: i.calendarSequence,
    scheduledBy: i.scheduledBy ? (i.scheduledBy.name ?? i.scheduledBy.email) : null,
  }));
  return {
    volunteer: {
      id: volunteer.id,
      fullName: volunteer.fullName,
      email: volunteer.email,
      erased: volunteer.erasedAt !== null,
    },
    studies: volunteer.participations.map((p) => ({ slug: p.study.slug, shortTitle: p.study.shortTitle })),
    participation: chosen
      ? {
          id: chosen.id,
          status: chosen.status,
          study: { slug: chosen.study.slug, title: chosen.study.title, shortTitle: chosen.study.shortTitle },
          signedCurrentConsent: await hasSignedCurrentConsent(db, chosen),
        }
      : null,
    booked: rows.find((r) => r.status === "SCHEDULED") ?? null,
    history: rows,
    openSlots: chosen ? await listOpenSlots(db, { studyId: chosen.studyId, now, audience: "team" }) : [],
  };
}
