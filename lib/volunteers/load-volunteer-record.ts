import type { Researcher } from "@/lib/auth/researcher-session";
import type { ConsentStatementAnswer } from "@/lib/consent/consent-hash";
import type { Database } from "@/lib/db/prisma";
import type { BookingStatus, InterviewStatus, ParticipationStatus } from "@/lib/generated/prisma/client";
import { summariseAnswers, type AnswerSection } from "@/lib/registration/answer-summary";
import { labelOf, regionOptions, staffGroupOptions } from "@/lib/registration/questions";
import { volunteerTimeline, type TimelineEvent } from "./volunteer-timeline";

export type VolunteerConsentRecord = {
  id: string;
  studyTitle: string;
  ethicsReference: string | null;
  consentFormTitle: string;
  consentFormVersion: string;
  consentFormVersionDate: Date;
  informationSheetVersion: string;
  informationSheetVersionDate: Date;
  statements: ConsentStatementAnswer[];
  signedName: string;
  signedAt: Date;
  contentHash: string;
  countersignature: { signedName: string; signedAt: Date } | null;
};

export type VolunteerParticipation = {
  id: string;
  study: {
    id: string;
    slug: string;
    kind: "INTERVIEW" | "WORKSHOP";
    title: string;
    shortTitle: string;
    status: string;
    consentRequired: boolean;
  };
  status: ParticipationStatus;
  eligibility: "ELIGIBLE" | "INELIGIBLE";
  eligibilityReasons: string[];
  override: { outcome: "ELIGIBLE" | "INELIGIBLE"; reason: string; by: string | null; at: Date | null } | null;
  invitedAt: Date | null;
  consentedAt: Date | null;
  reconsentRequestedAt: Date | null;
  completedAt: Date | null;
  withdrawnAt: Date | null;
  consentRecords: VolunteerConsentRecord[];
  withdrawals: {
    id: string;
    method: string;
    channel: string | null;
    dataChoice: string;
    reason: string | null;
    recordedBy: string | null;
    withdrawnAt: Date;
  }[];
  /** The interview still arranged, or else the latest one. */
  interview: { startsAt: Date; durationMinutes: number; meetingLink: string; status: InterviewStatus } | null;
  /** The workshop place held or waited for, or else the latest booking. */
  workshopBooking: {
    status: BookingStatus;
    session: {
      title: string;
      startsAt: Date;
      endsAt: Date;
      mode: string;
      location: string | null;
      onlineLink: string | null;
    };
  } | null;
};

export type VolunteerRecord = {
  volunteer: {
    id: string;
    fullName: string;
    email: string;
    phone: string | null;
    employer: string | null;
    staffGroup: string | null;
    jobTitle: string | null;
    region: string | null;
    partnershipCountry: string | null;
    erasedAt: Date | null;
    createdAt: Date;
    updatedAt: Date;
  };
  /** Every submission, newest first, in words; an erased one has no answers left. */
  submissions: {
    id: string;
    submittedAt: Date;
    privacyNoticeVersion: string;
    erased: boolean;
    sections: AnswerSection[];
  }[];
  participations: VolunteerParticipation[];
  emails: {
    id: string;
    subject: string;
    template: string;
    status: string;
    attempts: number;
    createdAt: Date;
    sentAt: Date | null;
    lastError: string | null;
  }[];
  timeline: TimelineEvent[];
};

const byName = (r: { name: string | null; email: string } | null) => (r ? (r.name ?? r.email) : null);

/**
 * Everything the study team may see about one volunteer, for their page. Any signed-in researcher may
 * read it. Null when there is no such volunteer.
 */
export async function loadVolunteerRecord(
  db: Database,
  actor: Researcher,
  volunteerId: string,
): Promise<VolunteerRecord | null> {
  const volunteer = await db.volunteer.findUnique({ where: { id: volunteerId } });
  if (!volunteer) return null;
  const [expressions, participations, emails, studies, timeline] = await Promise.all([
    db.expressionOfInterest.findMany({ where: { volunteerId }, orderBy: [{ submittedAt: "desc" }, { id: "asc" }] }),
    db.participation.findMany({
      where: { volunteerId },
      orderBy: [{ study: { displayOrder: "asc" } }, { createdAt: "asc" }],
      include: {
        study: {
          select: {
            id: true,
            slug: true,
            kind: true,
            title: true,
            shortTitle: true,
            status: true,
            consentRequired: true,
          },
        },
        overriddenBy: { select: { name: true, email: true } },
        consentRecords: {
          orderBy: { signedAt: "asc" },
          include: {
            consentForm: { select: { title: true } },
            countersignature: { select: { signedName: true, signedAt: true } },
          },
        },
        withdrawals: {
          orderBy: { withdrawnAt: "asc" },
          include: { recordedBy: { select: { name: true, email: true } } },
        },
        interviews: { orderBy: { createdAt: "desc" } },
        workshopBookings: { orderBy: { createdAt: "desc" }, include: { workshopSession: true } },
      },
    }),
    db.outgoingEmail.findMany({
      where: { volunteerId },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        subject: true,
        template: true,
        status: true,
        attempts: true,
        createdAt: true,
        sentAt: true,
        lastError: true,
      },
    }),
    db.study.findMany({ select: { slug: true, title: true } }),
    volunteerTimeline(db, actor, volunteerId),
  ]);

  return {
    volunteer: {
      id: volunteer.id,
      fullName: volunteer.fullName,
      email: volunteer.email,
      phone: volunteer.phone,
      employer: volunteer.employer,
      staffGroup: volunteer.staffGroup ? labelOf(staffGroupOptions, volunteer.staffGroup) : null,
      jobTitle: volunteer.jobTitle,
      region: volunteer.region ? labelOf(regionOptions, volunteer.region) : null,
      partnershipCountry: volunteer.partnershipCountry,
      erasedAt: volunteer.erasedAt,
      createdAt: volunteer.createdAt,
      updatedAt: volunteer.updatedAt,
    },
    submissions: expressions.map((x) => {
      const answers = (x.answers ?? {}) as Record<string, unknown>;
      const erased = answers.erased === true;
      return {
        id: x.id,
        submittedAt: x.submittedAt,
        privacyNoticeVersion: x.privacyNoticeVersion,
        erased,
        sections: erased ? [] : summariseAnswers(answers, studies),
      };
    }),
    participations: participations.map((p) => {
      const interview = p.interviews.find((i) => i.status === "SCHEDULED") ?? p.interviews[0] ?? null;
      const booking =
        p.workshopBookings.find((b) => b.status === "BOOKED" || b.status === "WAITLISTED") ??
        p.workshopBookings[0] ??
        null;
      return {
        id: p.id,
        study: p.study,
        status: p.status,
        eligibility: p.eligibility,
        eligibilityReasons: Array.isArray(p.eligibilityReasons) ? (p.eligibilityReasons as unknown[]).map(String) : [],
        override: p.eligibilityOverride
          ? {
              outcome: p.eligibilityOverride,
              reason: p.overrideReason ?? "",
              by: byName(p.overriddenBy),
              at: p.overriddenAt,
            }
          : null,
        invitedAt: p.invitedAt,
        consentedAt: p.consentedAt,
        reconsentRequestedAt: p.reconsentRequestedAt,
        completedAt: p.completedAt,
        withdrawnAt: p.withdrawnAt,
        consentRecords: p.consentRecords.map((r) => ({
          id: r.id,
          studyTitle: r.studyTitle,
          ethicsReference: r.ethicsReference,
          consentFormTitle: r.consentForm.title,
          consentFormVersion: r.consentFormVersion,
          consentFormVersionDate: r.consentFormVersionDate,
          informationSheetVersion: r.informationSheetVersion,
          informationSheetVersionDate: r.informationSheetVersionDate,
          statements: [...(r.statements as unknown as ConsentStatementAnswer[])].sort(
            (a, b) => a.position - b.position,
          ),
          signedName: r.signedName,
          signedAt: r.signedAt,
          contentHash: r.contentHash,
          countersignature: r.countersignature,
        })),
        withdrawals: p.withdrawals.map((w) => ({
          id: w.id,
          method: w.method,
          channel: w.channel,
          dataChoice: w.dataChoice,
          reason: w.reason,
          recordedBy: byName(w.recordedBy),
          withdrawnAt: w.withdrawnAt,
        })),
        interview: interview
          ? {
              startsAt: interview.startsAt,
              durationMinutes: interview.durationMinutes,
              meetingLink: interview.meetingLink,
              status: interview.status,
            }
          : null,
        workshopBooking: booking
          ? {
              status: booking.status,
              session: {
                title: booking.workshopSession.title,
                startsAt: booking.workshopSession.startsAt,
                endsAt: booking.workshopSession.endsAt,
                mode: booking.workshopSession.mode,
                location: booking.workshopSession.location,
                onlineLink: booking.workshopSession.onlineLink,
              },
            }
          : null,
      };
    }),
    emails,
    timeline,
  };
}
