/**
 * Meeting links typed by the team. They go into participants' emails and calendars, so only a plain
 * https address is accepted: no other scheme, no credentials, no spaces or control characters.
 */
function httpsProblem(value: string, what: string): string | null {
  if (value.length > 500) return `The ${what} must be 500 characters or fewer`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `Enter the ${what} as a full address starting with https://`;
  }
  if (url.protocol !== "https:" || /[\s\p{Cc}]/u.test(value) || url.username || url.password) {
    return `Enter the ${what} as a full address starting with https://`;
  }
  return null;
}

const TEAMS_HOSTS = new Set(["teams.microsoft.com", "teams.live.com"]);

/** Why this is not a Microsoft Teams meeting link (https on teams.microsoft.com or teams.live.com); null if it is. */
export function teamsLinkProblem(value: string): string | null {
  if (value === "") return "Enter the Microsoft Teams link for the interview";
  const problem = httpsProblem(value, "Teams link");
  if (problem) return problem;
  const url = new URL(value);
  if (!TEAMS_HOSTS.has(url.hostname) || url.port !== "") {
    return "Enter a Microsoft Teams meeting link: it starts with https://teams.microsoft.com/ or https://teams.live.com/";
  }
  return null;
}

/** Why this is not an https link for an online workshop; null if it is. */
export function onlineLinkProblem(value: string): string | null {
  if (value === "") return "Enter the link people use to join the workshop online";
  return httpsProblem(value, "online link");
}
