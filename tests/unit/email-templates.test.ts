import { describe, expect, it } from "vitest";
import { renderConsentConfirmation } from "@/lib/email/templates/consent-confirmation";
import { renderTeamConsentNotification } from "@/lib/email/templates/consent-team-notification";
import { renderDeclineConfirmation } from "@/lib/email/templates/decline-confirmation";
import { formatUkDate, formatUkDateTime, formatUkTime } from "@/lib/text/uk-dates";
import { renderInvitation, type InvitationInput } from "@/lib/email/templates/invitation";
import { renderInvitationReminder, type InvitationReminderInput } from "@/lib/email/templates/invitation-reminder";
import { renderEmail } from "@/lib/email/templates/layout";
import { renderRegistrationConfirmation } from "@/lib/email/templates/registration-confirmation";
import { renderSpeakToTeamNotification } from "@/lib/email/templates/speak-to-team-notification";
import { renderWithdrawalConfirmation } from "@/lib/email/templates/withdrawal-confirmation";
import { renderTeamWithdrawalNotification } from "@/lib/email/templates/withdrawal-team-notification";

const name = `Ada "<b>" O'Brien`;
const escapedName = "Ada &quot;&lt;b&gt;&quot; O&#39;Brien";
const study = "Interview study";
const manageUrl = "https://portal.example.ac.uk/my-participation?token=a&b=c";
const manageHref = 'href="https://portal.example.ac.uk/my-participation?token=a&amp;b=c"';
const dashboardUrl = "https://portal.example.ac.uk/dashboard/participants/p1";
const contact = { contactName: "Mark Skopec", contactEmail: "mark.skopec17@imperial.ac.uk" };
/** 26 November 2026, 2:30pm in London (GMT then). */
const nov26 = new Date("2026-11-26T14:30:00Z");

const invitationInput: InvitationInput = {
  fullName: name,
  studyTitle: study,
  informationSheetVersion: "1.2",
  informationSheetDate: new Date("2026-09-01T00:00:00Z"),
  informationSheetUrl: "https://portal.example.ac.uk/studies/interview-study/information-sheet",
  consentUrl: "https://portal.example.ac.uk/consent/abc123",
  linkExpiresAt: nov26,
  considerationPeriodHours: 24,
  signableFrom: new Date("2026-11-20T09:00:00Z"),
  ...contact,
  manageUrl,
  reconsent: false,
};

/** Both parts carry every fact, and the HTML shows typed text escaped. */
function expectInBoth(email: { text: string; html: string }, facts: string[]) {
  for (const fact of facts) {
    expect(email.text).toContain(fact);
    expect(email.html).toContain(fact.replace(/&/g, "&amp;").replace(/'/g, "&#39;").replace(/"/g, "&quot;"));
  }
}

function expectPlainAndSafe(html: string) {
  expect(html).toContain('<html lang="en-GB">');
  expect(html).not.toMatch(/<img|<script|<iframe|javascript:/i);
  expect(html).not.toContain(name);
}

const reminderInput: InvitationReminderInput = {
  fullName: name,
  studyTitle: study,
  reminderNumber: 1,
  invitedAt: new Date("2026-11-19T10:00:00Z"),
  informationSheetVersion: "1.2",
  informationSheetDate: new Date("2026-09-01T00:00:00Z"),
  informationSheetUrl: "https://portal.example.ac.uk/studies/interview-study/information-sheet",
  consentUrl: "https://portal.example.ac.uk/consent/new456",
  linkExpiresAt: nov26,
  ...contact,
  manageUrl,
};

const participantEmails = {
  invitation: renderInvitation(invitationInput),
  "first reminder": renderInvitationReminder(reminderInput),
  "last reminder": renderInvitationReminder({ ...reminderInput, reminderNumber: 2 }),
  reconsent: renderInvitation({ ...invitationInput, reconsent: true, signableFrom: null }),
  "consent confirmation": renderConsentConfirmation({
    fullName: name,
    studyTitle: study,
    signedAt: nov26,
    contentHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    manageUrl,
    ...contact,
    nextSteps: ["A member of the study team will contact you to arrange an interview."],
  }),
  decline: renderDeclineConfirmation({ fullName: name, studyTitle: study, ...contact, manageUrl }),
  withdrawal: renderWithdrawalConfirmation({
    fullName: name,
    studyTitles: [study, "Workshops"],
    dataChoice: "KEEP",
    withdrawnAt: nov26,
    ...contact,
    manageUrl,
  }),
  "registration confirmation": renderRegistrationConfirmation({
    fullName: name,
    outcomes: [
      {
        slug: "interview-study",
        title: study,
        kind: "INTERVIEW",
        invitationMode: "AUTOMATIC",
        eligible: true,
        reasons: [],
      },
    ],
    ...contact,
    publicUrl: "https://portal.example.ac.uk",
    manageUrl,
  }),
};

describe("every email to a participant", () => {
  for (const [label, email] of Object.entries(participantEmails)) {
    it(`ends with the "Manage your participation" section: ${label}`, () => {
      expect(email.text.trimEnd()).toMatch(
        /Manage your participation\n-+\n\nYou can see your studies, download your signed consent form and withdraw at any time, without giving a reason\.\n\nManage your participation: https:\/\/portal\.example\.ac\.uk\/my-participation\?token=a&b=c$/,
      );
      expect(email.html).toContain(`<a ${manageHref}`);
      expect(email.html).toContain(
        "Manage your participation: https://portal.example.ac.uk/my-participation?token=a&amp;b=c</a>",
      );
      expect(email.html).toMatch(/<h2[^>]*>Manage your participation<\/h2>/);
      expect(email.text).toContain(`Dear ${name},`);
      expect(email.html).toContain(`Dear ${escapedName},`);
      expectPlainAndSafe(email.html);
    });
  }
});

describe("the invitation", () => {
  const email = participantEmails.invitation;

  it("names the study in the subject", () => {
    expect(email.subject).toBe("You are invited to take part: Interview study");
  });

  it("links the information sheet and the personal consent link, in full, in both parts", () => {
    expectInBoth(email, [
      "https://portal.example.ac.uk/studies/interview-study/information-sheet",
      "https://portal.example.ac.uk/consent/abc123",
      "version 1.2, 1 September 2026",
      "withdraw at any time without giving a reason",
      "Do not forward this email. The link works until 2:30pm on 26 November 2026.",
      "You can sign the form from 9am on 20 November 2026, so that you have time to consider.",
      "at least 24 hours",
      "contact Mark Skopec at mark.skopec17@imperial.ac.uk",
    ]);
    expect(email.html).toContain('<a href="https://portal.example.ac.uk/consent/abc123"');
    expect(email.text).not.toContain("updated");
  });

  it("leaves out the waiting time when the form can be signed now", () => {
    const now = renderInvitation({ ...invitationInput, signableFrom: null });
    expect(now.text).not.toContain("You can sign the form from");
  });

  it("asks someone who consented before to review the updated form", () => {
    const email = participantEmails.reconsent;
    expect(email.subject).toBe("Please review the updated consent form: Interview study");
    expectInBoth(email, [
      "The consent form for Interview study has been updated.",
      "Your earlier consent stays on record.",
      "review and sign the new version so that you can carry on taking part",
    ]);
    expect(email.text).not.toContain("You are invited");
  });
});

describe("the reminder of an invitation", () => {
  const first = participantEmails["first reminder"];
  const last = participantEmails["last reminder"];

  it("says when they were invited, gives the sheet and the new link, and says the old one no longer works", () => {
    expect(first.subject).toBe(`Reminder: you are invited to take part: ${study}`);
    expectInBoth(first, [
      `On ${formatUkDate(reminderInput.invitedAt)} we invited you to take part in ${study}.`,
      "Participant information sheet: https://portal.example.ac.uk/studies/interview-study/information-sheet",
      "Consent form: https://portal.example.ac.uk/consent/new456",
      "It replaces the link in our earlier emails, which no longer works",
      formatUkDateTime(nov26),
      "mark.skopec17@imperial.ac.uk",
    ]);
  });

  it("makes declining as plain as signing, and says the second is the last", () => {
    expectInBoth(first, ["It is up to you whether you take part.", "You do not need to give a reason."]);
    expect(first.text).not.toContain("last reminder");
    expectInBoth(last, ["This is the last reminder we will send about this study."]);
  });
});

describe("the consent confirmation", () => {
  const email = participantEmails["consent confirmation"];

  it("thanks them, says the form is attached and gives the fingerprint", () => {
    expect(email.subject).toBe("Your signed consent form: Interview study");
    expectInBoth(email, [
      "Thank you for signing the consent form for Interview study on 26 November 2026.",
      "A copy of your signed consent form is attached as a PDF",
      "A member of the study team will contact you to arrange an interview.",
      "SHA-256 fingerprint: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      "If the record were ever changed, its fingerprint would no longer match.",
    ]);
    expect(email.html).toMatch(/<li[^>]*>A member of the study team/);
  });
});

describe("the team's consent notification", () => {
  const email = renderTeamConsentNotification({
    studyTitle: study,
    participantName: name,
    signedAt: nov26,
    optionalAnswers: [
      { text: "I agree to anonymised quotations being used", agreed: true },
      { text: "I agree to be contacted about future research", agreed: false },
    ],
    dashboardUrl,
  });

  it("says who signed, when, their optional answers and where their record is", () => {
    expect(email.subject).toBe("Consent form signed: Interview study");
    expect(email.subject).not.toContain("Ada");
    expect(email.text).toContain(`${name} signed the consent form for Interview study on 26 November 2026.`);
    expect(email.html).toContain(`${escapedName} signed the consent form for Interview study on 26 November 2026.`);
    expectInBoth(email, [
      "I agree to anonymised quotations being used: Yes",
      "I agree to be contacted about future research: No",
      dashboardUrl,
    ]);
    expect(email.html).toContain(`<a href="${dashboardUrl}"`);
    expect(email.text).not.toContain("Manage your participation");
    expectPlainAndSafe(email.html);
  });
});

describe("the team's speak-to-the-team notification", () => {
  const message = "Hello,\r\nI have <script>alert(1)</script> a question & more.\n\nThanks";
  const email = renderSpeakToTeamNotification({
    studyTitle: study,
    participantName: name,
    participantEmail: "ada@nhs.net",
    participantPhone: null,
    message,
    dashboardUrl,
  });

  it("gives their contact details and message", () => {
    expect(email.subject).toBe("Request to speak to the team: Interview study");
    expectInBoth(email, [
      "would like to speak to the study team before deciding",
      "Email: ada@nhs.net",
      "Phone: Not given",
      dashboardUrl,
    ]);
    expect(email.text).toContain("Hello,\nI have <script>alert(1)</script> a question & more.\n\nThanks");
  });

  it("escapes the message and keeps its line breaks", () => {
    expect(email.html).toContain(">Hello,<br>I have &lt;script&gt;alert(1)&lt;/script&gt; a question &amp; more.</p>");
    expect(email.html).toMatch(/<p[^>]*>Thanks<\/p>/);
    expectPlainAndSafe(email.html);
  });

  it("says when there is no message", () => {
    const none = renderSpeakToTeamNotification({
      studyTitle: study,
      participantName: "Ada",
      participantEmail: "a@nhs.net",
      participantPhone: "07700 900123",
      message: "  ",
      dashboardUrl,
    });
    expectInBoth(none, ["Phone: 07700 900123", "They did not leave a message."]);
  });
});

describe("the decline confirmation", () => {
  it("confirms they will not be contacted again", () => {
    const email = participantEmails.decline;
    expect(email.subject).toBe("You have chosen not to take part: Interview study");
    expectInBoth(email, [
      "You told us you do not want to take part in Interview study.",
      "We will not contact you about this study again.",
      "If you change your mind, contact Mark Skopec at mark.skopec17@imperial.ac.uk.",
      "Thank you",
    ]);
  });
});

describe("the withdrawal confirmation", () => {
  it("lists the studies and the date, and says what happens to their information", () => {
    const email = participantEmails.withdrawal;
    expect(email.subject).toBe("You have withdrawn: Interview study and Workshops");
    expectInBoth(email, [
      "you withdrew on 26 November 2026 from these studies",
      "Workshops",
      "we will keep and use the information you have already given, as explained in the information sheet".replace(
        /^we/,
        "We",
      ),
      "We keep your signed consent form as the record of your consent and of your withdrawal, as the ethics approval for the research requires.",
      "We will not contact you again about these studies.",
    ]);
  });

  it("explains removal, and its limits", () => {
    const email = renderWithdrawalConfirmation({
      fullName: "Ada",
      studyTitles: [study],
      dataChoice: "REMOVE",
      withdrawnAt: nov26,
      ...contact,
      manageUrl,
    });
    expect(email.subject).toBe("You have withdrawn: Interview study");
    expectInBoth(email, [
      "We will remove the information you have given where this is still possible. Information already anonymised and used in analysis may not be removable.",
      "signed consent form as the record of your consent and of your withdrawal",
      "from this study",
    ]);
  });
});

describe("the team's withdrawal notification", () => {
  const base = { participantName: name, studyTitles: [study], withdrawnAt: nov26, dashboardUrl } as const;

  it("says who withdrew, how, why and what to do with their information", () => {
    const email = renderTeamWithdrawalNotification({
      ...base,
      dataChoice: "REMOVE",
      method: "SELF_SERVICE",
      reason: "I have <no> time",
    });
    expect(email.subject).toBe("Withdrawal: Interview study");
    expect(email.text).toContain(`${name} withdrew on 26 November 2026 from:`);
    expect(email.html).toContain(`${escapedName} withdrew on 26 November 2026 from:`);
    expectInBoth(email, [
      "They withdrew themselves, online.",
      "Remove: remove the information they have given where this is still possible",
      "Keep the signed consent form.",
      dashboardUrl,
    ]);
    expect(email.text).toContain("I have <no> time");
    expect(email.html).toContain("I have &lt;no&gt; time");
    expect(email.text).not.toContain("Manage your participation");
    expectPlainAndSafe(email.html);
  });

  it("says when a researcher recorded it and no reason was given", () => {
    const email = renderTeamWithdrawalNotification({
      ...base,
      dataChoice: "KEEP",
      method: "RECORDED_BY_RESEARCHER",
      reason: null,
    });
    expectInBoth(email, [
      "A researcher recorded the withdrawal.",
      "Keep: keep and use the information they have already given",
      "No reason given.",
    ]);
  });
});

describe("links in emails", () => {
  it("are only plain absolute http(s) addresses", () => {
    for (const href of [
      "javascript:alert(1)",
      "mailto:a@b.org",
      "/relative/path",
      "data:text/html,hi",
      "https://example.org/a\nb",
      "https://example.org/ a",
    ]) {
      expect(() => renderEmail("T", [{ kind: "link", text: "Go", href }])).toThrow(/http\(s\)/);
    }
    expect(() =>
      renderDeclineConfirmation({ fullName: "Ada", studyTitle: study, ...contact, manageUrl: "javascript:alert(1)" }),
    ).toThrow();
    expect(() => renderInvitation({ ...invitationInput, consentUrl: "consent/abc" })).toThrow();
  });

  it("escape the address and the words", () => {
    const { html, text } = renderEmail("T", [
      { kind: "link", text: `"><script>`, href: `https://example.org/?q="><script>` },
    ]);
    expect(html).toContain(`<a href="https://example.org/?q=&quot;&gt;&lt;script&gt;"`);
    expect(html).not.toContain("<script>");
    expect(text).toContain(`"><script>: https://example.org/?q="><script>`);
  });

  it("show the address once when it is its own text", () => {
    const { html, text } = renderEmail("T", [
      { kind: "link", text: "https://example.org/", href: "https://example.org/" },
    ]);
    expect(text).toContain("\nhttps://example.org/\n");
    expect(html).toMatch(/<a href="https:\/\/example.org\/"[^>]*>https:\/\/example.org\/<\/a>/);
  });
});

describe("dates and times", () => {
  it("are in UK style and UK time, summer or winter", () => {
    expect(formatUkDate(nov26)).toBe("26 November 2026");
    expect(formatUkDate(new Date("2026-06-30T23:30:00Z"))).toBe("1 July 2026");
    expect(formatUkDateTime(new Date("2026-07-01T08:05:00Z"))).toBe("9:05am on 1 July 2026");
    expect(formatUkTime(new Date("2026-11-26T12:00:00Z"))).toBe("midday");
    expect(formatUkDateTime(new Date("2026-11-26T00:00:00Z"))).toBe("midnight at the start of 26 November 2026");
  });
});
