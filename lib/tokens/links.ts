/** The addresses in participant emails, built from PUBLIC_URL. Tokens go in the path, never a query. */
export const links = {
  consent: (publicUrl: string, token: string) => `${publicUrl}/consent/${token}`,
  manage: (publicUrl: string, token: string) => `${publicUrl}/manage/${token}`,
  informationSheet: (publicUrl: string, studySlug: string, version?: string) =>
    `${publicUrl}/studies/${studySlug}/information-sheet${version ? `/${encodeURIComponent(version)}` : ""}`,
  volunteerInDashboard: (publicUrl: string, volunteerId: string) => `${publicUrl}/admin/volunteers/${volunteerId}`,
};
