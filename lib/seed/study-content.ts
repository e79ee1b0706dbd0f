import type { EligibilityRules } from "@/lib/eligibility/rules";

/**
 * Seed content for the two studies in the THET / Imperial College London call for evidence
 * (shared/seed/call-for-evidence.txt). Everything a participant reads comes from that call; where a fact
 * is not in the call, the text carries a bracketed "[Study team: ...]" placeholder for the team to replace
 * before publishing. The information sheets and consent forms are drafts (version 0.1) and must be
 * reviewed by the study team, and approved where the ethics approval requires it, before they are used.
 */

export type SeedStatement = { key: string; text: string; required: boolean };

export type SeedStudy = {
  slug: string;
  kind: "INTERVIEW" | "WORKSHOP";
  title: string;
  shortTitle: string;
  summary: string;
  /** Plain text, paragraphs separated by a blank line. */
  whatTakingPartInvolves: string;
  ethicsCommittee: string | null;
  ethicsReference: string | null;
  status: "RECRUITING";
  targetMin: number | null;
  targetMax: number | null;
  invitationMode: "AUTOMATIC" | "AFTER_TRIAGE";
  consentRequired: boolean;
  considerationPeriodHours: number;
  retentionDays: number | null;
  reminderAfterDays: number | null;
  contactName: string;
  contactEmail: string;
  displayOrder: number;
  eligibilityRules: EligibilityRules;
  informationSheet: { version: string; versionDate: string /* YYYY-MM-DD */; title: string; content: string };
  consentForm: { version: string; versionDate: string; title: string; statements: SeedStatement[] };
};

/** One sentence placed at the top of each draft document. */
export const DRAFT_NOTICE =
  "DRAFT for the study team to replace: this text was drafted from the public call for evidence and has not been reviewed or approved by a research ethics committee.";

const CONTACT_NAME = "Mark Skopec";
const CONTACT_EMAIL = "mark.skopec17@imperial.ac.uk";
const DRAFT_VERSION = "0.1";
const DRAFT_VERSION_DATE = "2026-11-26";

const INTERVIEW_ETHICS_COMMITTEE = "Imperial College Research Ethics Committee";
const INTERVIEW_ETHICS_REFERENCE = "20IC6786";

/** Joins Markdown blocks (headings, paragraphs, bullet lists) with a blank line between them. */
function markdown(...blocks: string[]): string {
  return blocks.join("\n\n");
}

/** A bullet list block: one "- " line per item. */
function bullets(...items: string[]): string {
  return items.map((item) => `- ${item}`).join("\n");
}

// ---------------------------------------------------------------------------------------------------------
// Eligibility
// ---------------------------------------------------------------------------------------------------------

const worksInNhsNow: EligibilityRules["criteria"][number] = {
  id: "works-in-nhs-now",
  description: "You work for the NHS now",
  unmetReason:
    "You told us you do not work for the NHS at the moment. This study is for people who work in the NHS now.",
  condition: { answer: "worksInNhsNow", oneOf: ["yes"] },
};

const interviewEligibility: EligibilityRules = {
  criteria: [
    worksInNhsNow,
    {
      id: "thet-ihp-participation",
      description: "You are taking part, or have taken part, in a THET-funded international health partnership",
      unmetReason:
        "You told us you have not taken part in a THET-funded international health partnership. The interview study is for people who are taking part in one now or have taken part in one in the past.",
      condition: { answer: "ihpParticipation", oneOf: ["current", "past"] },
    },
    {
      id: "introduced-learning",
      description: "You have had the opportunity to introduce learning from your international placement into the NHS",
      unmetReason:
        "You told us you have not yet had the opportunity to bring learning from your international placement into the NHS. The interview study is about the experience of doing that, so it is for people who have had that opportunity.",
      condition: { answer: "introducedLearning", oneOf: ["yes"] },
    },
  ],
};

const workshopEligibility: EligibilityRules = {
  criteria: [
    {
      ...worksInNhsNow,
      unmetReason:
        "You told us you do not work for the NHS at the moment. The workshops are for people who work in the NHS now.",
    },
    {
      id: "international-experience",
      description:
        "You are taking part, or have taken part, in a THET-funded international health partnership or another international volunteering opportunity",
      unmetReason:
        "You told us you have not taken part in a THET-funded international health partnership or in other international volunteering. The workshops are for people who have done one of these, now or in the past.",
      condition: {
        anyOf: [
          { answer: "ihpParticipation", oneOf: ["current", "past"] },
          { answer: "otherVolunteering", oneOf: ["current", "past"] },
        ],
      },
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------
// Study 1: interview study
// ---------------------------------------------------------------------------------------------------------

const interviewTitle = "Bi-directional learning from international health partnerships: interview study";

const interviewInformationSheet = markdown(
  DRAFT_NOTICE,
  "## Study title",
  interviewTitle,
  "## Invitation",
  "We would like to invite you to take part in a research study. Before you decide, please read this information so that you understand why the research is being done and what it would involve. Talk to others about it if you wish, and ask us if anything is unclear.",
  "In short: we are looking for 12 to 15 NHS staff who have taken part in a THET-funded international health partnership to take part in one interview of about 30 to 35 minutes, online using MS Teams, at a time that suits you.",
  "## What is the purpose of the study?",
  "THET and Imperial College London are working together on research about bi-directional learning and innovation. We want to capture evidence about how THET-funded international health partnerships have experienced it, so that it can be better supported. We believe this will strengthen the delivery of high-quality care to people in the UK through the NHS.",
  "The interviews will gather in-depth information about people's experiences of putting learning from their international placement into practice in the NHS.",
  "## Why have I been invited?",
  "You told us that you work in the NHS now, that you are taking part or have taken part in a THET-funded international health partnership, and that you have had the opportunity to introduce learning from your placement into the NHS.",
  "The study team chooses people to cover a range of experiences, so not everyone who volunteers may be asked to take part. [Study team: confirm how participants are selected.]",
  "## Do I have to take part?",
  "No. Taking part is entirely your decision. If you decide to take part, you will be asked to sign a consent form online before your interview. You are free to withdraw at any time, without giving a reason, and this will not affect your employment or your legal rights.",
  "You can take part in this interview study, in the workshops, or in both, depending on your eligibility.",
  "## What will happen to me if I take part?",
  bullets(
    "If you are happy to go ahead, you sign the consent form online.",
    "A member of the study team contacts you to arrange a time for your interview that suits you.",
    "The interview takes place online using MS Teams and lasts about 30 to 35 minutes.",
    "A researcher asks about your experience of introducing learning from your placement into the NHS. You do not have to answer any question, and you can pause or stop at any time.",
  ),
  "With your permission, the interview will be audio recorded and then transcribed (typed up). The study relies on these recordings, so you can only take part in an interview if you agree to it being recorded. [Study team: confirm whether only audio is recorded, or audio and video, and who will transcribe the recordings.]",
  "Names and details that could identify you will be removed from the transcript. With your permission, short anonymised quotations from your interview may be used in reports and publications. You can take part without agreeing to this.",
  "## Expenses and payments",
  "[Study team: add whether any expenses or payments are offered for taking part.]",
  "## What are the possible disadvantages and risks of taking part?",
  "Taking part will take about 30 to 35 minutes for the interview, plus a little time to arrange it.",
  "We will ask you to talk about your professional experiences. Some may have been difficult or involve colleagues. You only need to share what you are comfortable sharing.",
  "[Study team: add any limits to confidentiality, for example what the researcher would do if a serious risk to patient safety were disclosed.]",
  "## What are the possible benefits of taking part?",
  "There is no direct benefit to you, although some people find it useful to reflect on their experiences. We hope the findings will help the NHS make better use of what staff learn on international placements.",
  "## What if something goes wrong?",
  `If you have a concern about any part of this study, please contact ${CONTACT_NAME} at ${CONTACT_EMAIL}.`,
  "If you remain unhappy, you can complain formally to Imperial College London's Research Governance and Integrity Team. [Study team: add the Research Governance and Integrity Team's contact details.]",
  "## Will my taking part in this study be kept confidential?",
  "Yes. We will follow UK data protection law and keep all information about you confidential.",
  bullets(
    "We only collect what the study needs: your contact details, some details of your work, and what you say in your interview.",
    "Your name is replaced with a code in transcripts and analysis (pseudonymisation). The list linking codes to names is kept separately and securely.",
    "Information is stored securely. Only the study team can see information that identifies you.",
    "Authorised people from Imperial College London may look at study records for monitoring and audit.",
    "[Study team: add who is the data controller, and how long research data will be kept.]",
  ),
  "The privacy notice at /privacy on this website explains how we use your information and what your rights are.",
  "## What will happen if I don't want to carry on with the study?",
  "You can withdraw at any time without giving a reason, using the link in our emails or by contacting the study team.",
  "If you withdraw, you choose whether we keep and use the information you have already given, or remove it where this is still possible. Once your interview has been anonymised and included in the analysis or published, it may no longer be possible to remove it. [Study team: add the point after which information can no longer be removed.]",
  "## What will happen to the results of the research study?",
  "The results will be written up in reports and may be published in journals or presented at conferences. You will not be identified in any of them. [Study team: add how participants can get a summary of the findings.]",
  "## Who is organising and funding the research?",
  "The research is a collaboration between THET and Imperial College London. [Study team: confirm the sponsor and the funder.]",
  "## Who has reviewed the study?",
  `This study has received ethical approval from the ${INTERVIEW_ETHICS_COMMITTEE} (reference number ${INTERVIEW_ETHICS_REFERENCE}).`,
  "## Contact for further information",
  `For more information or to ask a question, please contact ${CONTACT_NAME} at ${CONTACT_EMAIL}. [Study team: add the researcher's role.]`,
  "Thank you for reading this information sheet and for considering taking part.",
);

const interviewStudy: SeedStudy = {
  slug: "interview-study",
  kind: "INTERVIEW",
  title: interviewTitle,
  shortTitle: "Interview study",
  summary:
    "A short online interview for NHS staff who are taking part, or have taken part, in a THET-funded international health partnership and have had the opportunity to bring learning from their international placement into the NHS.",
  whatTakingPartInvolves: [
    "We are looking for 12 to 15 volunteers for a brief interview of about 30 to 35 minutes. The interview gathers in-depth information about your experience of putting learning from your international placement into practice in the NHS.",
    "Interviews take place online, using MS Teams, at a time that suits you. A member of the study team will contact you to arrange a time.",
    "Before the interview you will be sent a participant information sheet to read, and you will be asked to read and sign a consent form.",
    "Taking part is entirely your decision. You are free to withdraw at any time, without giving a reason. You can take part in this study, in the workshops, or in both.",
  ].join("\n\n"),
  ethicsCommittee: INTERVIEW_ETHICS_COMMITTEE,
  ethicsReference: INTERVIEW_ETHICS_REFERENCE,
  status: "RECRUITING",
  targetMin: 12,
  targetMax: 15,
  invitationMode: "AFTER_TRIAGE",
  consentRequired: true,
  considerationPeriodHours: 0,
  retentionDays: 365,
  reminderAfterDays: 7,
  contactName: CONTACT_NAME,
  contactEmail: CONTACT_EMAIL,
  displayOrder: 1,
  eligibilityRules: interviewEligibility,
  informationSheet: {
    version: DRAFT_VERSION,
    versionDate: DRAFT_VERSION_DATE,
    title: "Participant information sheet: interview study",
    content: interviewInformationSheet,
  },
  consentForm: {
    version: DRAFT_VERSION,
    versionDate: DRAFT_VERSION_DATE,
    title: "Consent form: interview study",
    statements: [
      {
        key: "read-information-sheet",
        text: "I confirm that I have read and understood the participant information sheet for the above study. I have had the opportunity to consider the information, ask questions and have had these answered satisfactorily.",
        required: true,
      },
      {
        key: "voluntary-withdrawal",
        text: "I understand that my participation is voluntary and that I am free to withdraw at any time, without giving any reason, and without my employment or legal rights being affected.",
        required: true,
      },
      {
        key: "withdrawal-data-choice",
        text: "I understand that if I withdraw, I can choose whether the information I have already given is kept and used in the study, or removed where this is still possible.",
        required: true,
      },
      {
        key: "recording",
        text: "I agree to my interview being audio recorded. I understand that the study relies on these recordings, so I cannot take part in an interview without agreeing to this.",
        required: true,
      },
      {
        key: "transcription-storage",
        text: "I understand that the recording will be transcribed, that my name and details that could identify me will be removed from the transcript, and that the recording and transcript will be stored securely.",
        required: true,
      },
      {
        key: "monitoring-access",
        text: "I understand that information collected during the study may be looked at by authorised individuals from Imperial College London for monitoring and audit, where it is relevant to my taking part in this research. I give permission for these individuals to have access to my information.",
        required: true,
      },
      {
        key: "anonymised-quotations",
        text: "I agree that anonymised quotations from my interview may be used in reports and publications about the study. I understand that I will not be named.",
        required: false,
      },
      {
        key: "future-contact",
        text: "I agree to be contacted by the study team about future research related to this study. I understand that I can say no at that time.",
        required: false,
      },
      {
        key: "take-part",
        text: "I agree to take part in an interview for the above study.",
        required: true,
      },
    ],
  },
};

// ---------------------------------------------------------------------------------------------------------
// Study 2: workshops
// ---------------------------------------------------------------------------------------------------------

const workshopTitle = "Bi-directional learning from international health partnerships: workshops";

const workshopInformationSheet = markdown(
  DRAFT_NOTICE,
  "## Study title",
  workshopTitle,
  "## Invitation",
  "We would like to invite you to take part in a research workshop. Before you decide, please read this information so that you understand why the research is being done and what it would involve. Talk to others about it if you wish, and ask us if anything is unclear.",
  "In short: the workshops are facilitated group discussions for NHS staff who have taken part in a THET-funded international health partnership or other international volunteering. They are a chance to reflect on what you learned on your international placement and how that learning was, or was not, used.",
  "## What is the purpose of the study?",
  "THET and Imperial College London are working together on research about bi-directional learning and innovation. We want to capture evidence about how it has been experienced, so that it can be better supported. We believe this will strengthen the delivery of high-quality care to people in the UK through the NHS.",
  "The workshops aim to capture and debrief the learning that people witnessed during their international placements. They are a forum to reflect on:",
  bullets(
    "the learning process",
    "the ideas that were captured",
    "whether there were any missed opportunities, and how these could be avoided in future",
  ),
  "## Why have I been invited?",
  "You told us that you work in the NHS now, and that you are taking part or have taken part in a THET-funded international health partnership or other international volunteering. [Study team: add how many people each workshop will include, and how participants are chosen if more people volunteer than there are places.]",
  "## Do I have to take part?",
  "No. Taking part is entirely your decision. If you decide to take part, you will be asked to sign a consent form online before the workshop. You are free to withdraw at any time, without giving a reason, and this will not affect your employment or your legal rights.",
  "You can take part in the workshops, in the interview study, or in both, depending on your eligibility.",
  "## What will happen to me if I take part?",
  bullets(
    "If you are happy to go ahead, you sign the consent form online.",
    "The study team shares workshop dates and locations with you and arranges a place for you at a session.",
    "You join a group discussion led by a facilitator about the learning you witnessed on your international placement.",
  ),
  "[Study team: add how long each workshop lasts, and whether workshops are held in person, online or both.]",
  "The study team will keep a record of the discussion. [Study team: confirm whether workshops are recorded (audio or video) or notes are taken, and who will see them.] Names and details that could identify you will be removed from this record. With your permission, short anonymised quotations of what you say may be used in reports and publications. You can take part without agreeing to this.",
  "You do not have to answer any question or join in any part of the discussion that you do not want to, and you can leave at any time.",
  "## Expenses and payments",
  "[Study team: add whether any expenses, such as travel to a workshop, or payments are offered for taking part.]",
  "## What are the possible disadvantages and risks of taking part?",
  "Taking part will take up some of your time, including any travel to a workshop.",
  "We will ask you to talk about your professional experiences in a group. Some may have been difficult or involve colleagues. You only need to share what you are comfortable sharing with the group.",
  "We will ask everyone in the workshop to keep what others say confidential, but we cannot guarantee that every participant will do so.",
  "[Study team: add any limits to confidentiality, for example what the facilitator would do if a serious risk to patient safety were disclosed.]",
  "## What are the possible benefits of taking part?",
  "There is no direct benefit to you, although some people find it useful to reflect on their experiences and hear from others. We hope the findings will help the NHS make better use of what staff learn on international placements.",
  "## What if something goes wrong?",
  `If you have a concern about any part of this study, please contact ${CONTACT_NAME} at ${CONTACT_EMAIL}.`,
  "If you remain unhappy, you can complain formally to Imperial College London's Research Governance and Integrity Team. [Study team: add the Research Governance and Integrity Team's contact details.]",
  "## Will my taking part in this study be kept confidential?",
  "Yes, as far as a group discussion allows. We will follow UK data protection law and keep the information we hold about you confidential.",
  bullets(
    "We only collect what the study needs: your contact details, some details of your work, and what is said in the workshop.",
    "Your name is replaced with a code in the record of the discussion and in the analysis (pseudonymisation). The list linking codes to names is kept separately and securely.",
    "Information is stored securely. Only the study team can see information that identifies you.",
    "Authorised people from Imperial College London may look at study records for monitoring and audit.",
    "[Study team: add who is the data controller, and how long research data will be kept.]",
  ),
  "The privacy notice at /privacy on this website explains how we use your information and what your rights are.",
  "## What will happen if I don't want to carry on with the study?",
  "You can withdraw at any time without giving a reason, using the link in our emails or by contacting the study team.",
  "If you withdraw, you choose whether we keep and use the information you have already given, or remove it where this is still possible. Because a workshop is a group discussion, it may not be possible to remove what you said from the record of the discussion without losing what others said. [Study team: confirm what can be removed after a workshop, and the point after which information can no longer be removed.]",
  "## What will happen to the results of the research study?",
  "The results will be written up in reports and may be published in journals or presented at conferences. You will not be identified in any of them. [Study team: add how participants can get a summary of the findings.]",
  "## Who is organising and funding the research?",
  "The research is a collaboration between THET and Imperial College London. [Study team: confirm the sponsor and the funder.]",
  "## Who has reviewed the study?",
  "[Study team: add ethics review details for the workshops: the committee and reference number.]",
  "## Contact for further information",
  `For more information or to ask a question, please contact ${CONTACT_NAME} at ${CONTACT_EMAIL}. [Study team: add the researcher's role.]`,
  "Thank you for reading this information sheet and for considering taking part.",
);

const workshopStudy: SeedStudy = {
  slug: "workshops",
  kind: "WORKSHOP",
  title: workshopTitle,
  shortTitle: "Workshops",
  summary:
    "Facilitated group discussions for NHS staff who are taking part, or have taken part, in a THET-funded international health partnership or other international volunteering, to capture and reflect on the learning from their international placements.",
  whatTakingPartInvolves: [
    "The workshops are facilitated discussions that help capture and debrief the learning you witnessed during your international placement.",
    "They are a forum to reflect on the learning process, the ideas that were captured, and whether there were any missed opportunities and how these could be avoided in future.",
    "Further information about the workshops, including dates and locations, will be shared with people who express their interest in taking part.",
    "Taking part is entirely your decision. You are free to withdraw at any time, without giving a reason. You can take part in the workshops, in the interview study, or in both.",
  ].join("\n\n"),
  ethicsCommittee: null,
  ethicsReference: null,
  status: "RECRUITING",
  targetMin: null,
  targetMax: null,
  invitationMode: "AFTER_TRIAGE",
  consentRequired: true,
  considerationPeriodHours: 0,
  retentionDays: 365,
  reminderAfterDays: 7,
  contactName: CONTACT_NAME,
  contactEmail: CONTACT_EMAIL,
  displayOrder: 2,
  eligibilityRules: workshopEligibility,
  informationSheet: {
    version: DRAFT_VERSION,
    versionDate: DRAFT_VERSION_DATE,
    title: "Participant information sheet: workshops",
    content: workshopInformationSheet,
  },
  consentForm: {
    version: DRAFT_VERSION,
    versionDate: DRAFT_VERSION_DATE,
    title: "Consent form: workshops",
    statements: [
      {
        key: "read-information-sheet",
        text: "I confirm that I have read and understood the participant information sheet for the above study. I have had the opportunity to consider the information, ask questions and have had these answered satisfactorily.",
        required: true,
      },
      {
        key: "voluntary-withdrawal",
        text: "I understand that my participation is voluntary and that I am free to withdraw at any time, without giving any reason, and without my employment or legal rights being affected.",
        required: true,
      },
      {
        key: "withdrawal-data-choice",
        text: "I understand that if I withdraw, I can choose whether the information I have already given is kept and used in the study, or removed where this is still possible, and that what I said in a group discussion may not be possible to remove.",
        required: true,
      },
      {
        key: "workshop-record",
        text: "I understand that the study team will keep a record of the workshop discussion [Study team: say how, for example notes or an audio recording], that names and details that could identify participants will be removed from it, and that it will be stored securely.",
        required: true,
      },
      {
        key: "group-confidentiality",
        text: "I agree to keep what other participants say in the workshop confidential.",
        required: true,
      },
      {
        key: "group-confidentiality-limits",
        text: "I understand that other participants will hear what I say, and that the study team cannot guarantee that every participant will keep it confidential.",
        required: true,
      },
      {
        key: "monitoring-access",
        text: "I understand that information collected during the study may be looked at by authorised individuals from Imperial College London for monitoring and audit, where it is relevant to my taking part in this research. I give permission for these individuals to have access to my information.",
        required: true,
      },
      {
        key: "anonymised-quotations",
        text: "I agree that anonymised quotations of what I say in the workshop may be used in reports and publications about the study. I understand that I will not be named.",
        required: false,
      },
      {
        key: "future-contact",
        text: "I agree to be contacted by the study team about future research related to this study. I understand that I can say no at that time.",
        required: false,
      },
      {
        key: "take-part",
        text: "I agree to take part in a workshop for the above study.",
        required: true,
      },
    ],
  },
};

export const seedStudies: readonly SeedStudy[] = [interviewStudy, workshopStudy];
