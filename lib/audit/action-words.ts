/** Audit actions in words, for the dashboard's activity lists and the audit log. */
const words: Record<string, string> = {
  "registration.submitted": "Registered interest",
  "registration.repeated": "Registered again",
  "participation.invited": "Invited to take part",
  "participation.invitation_resent": "Sent a new consent link",
  "participation.reconsent_requested": "Asked to re-consent",
  "participation.withdrawn": "Withdrew",
  "participation.eligibility_overridden": "Eligibility overridden",
  "participation.eligibility_override_cleared": "Eligibility override removed",
  "volunteer.exported": "All their data exported (subject access request)",
  "volunteer.erased": "Personal data erased on request",
  "participation.completed": "Marked as taken part",
  "participation.did_not_attend": "Marked as did not attend",
  "consent.signed": "Signed the consent form",
  "consent.resigned": "Signed an updated consent form",
  "consent.declined": "Declined to take part",
  "consent.questions_raised": "Asked to speak to the team",
  "consent_form.published": "Consent form published",
  "information_sheet.published": "Information sheet published",
  "interview.scheduled": "Interview scheduled",
  "interview.rescheduled": "Interview rescheduled",
  "interview.cancelled": "Interview cancelled",
  "workshop.booked": "Workshop place booked",
  "workshop.waitlisted": "Put on a workshop waiting list",
  "workshop.cancelled": "Workshop place cancelled",
  "auth.sign_in_link_sent": "Sign-in link sent",
  "auth.signed_in": "Signed in",
  "auth.second_factor_enrolled": "Set up an authenticator app",
  "auth.second_factor_passed": "Entered an authenticator code",
  "auth.second_factor_failed": "Entered a wrong authenticator code",
  "auth.signed_out": "Signed out",
  "auth.signed_out_everywhere": "Signed out everywhere",
};

export function describeAuditAction(action: string): string {
  return words[action] ?? action;
}
