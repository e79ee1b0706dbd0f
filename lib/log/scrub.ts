/**
 * The last safeguard before a log line leaves the process: email addresses and anything shaped like a
 * link token are replaced, whatever code wrote them (a mail server's error message often quotes the
 * recipient). Names cannot be recognised by shape, so no code logs them: log ids instead.
 */
const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Participant tokens and session tokens are 43 base64url characters (256 bits); hex secrets 40 or more.
const TOKEN = /(?<![A-Za-z0-9_-])(?:[A-Za-z0-9_-]{43}|[0-9a-f]{40,})(?![A-Za-z0-9_-])/g;
// A token inside a path such as /consent/<token> or ?token=<token>, whatever its length.
const TOKEN_IN_PATH = /(\/(?:consent|manage|sign-in\/confirm)\/|[?&](?:token|code)=)[^/?&#\s"]+/g;

export function scrubLogText(text: string): string {
  return text.replace(EMAIL, "[email]").replace(TOKEN_IN_PATH, "$1[token]").replace(TOKEN, "[token]");
}
