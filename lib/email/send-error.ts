/**
 * The outbox keeps the last error of each email in the database and the worker logs it, so it must not
 * carry personal data: mail servers quote the recipient's address in their replies (e.g. "550 5.1.1
 * <jane@nhs.net>: user unknown"). Anything shaped like an address is replaced, and the text is kept to
 * one short line.
 */
const ADDRESS = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;
const MAX_LENGTH = 300;

export function redactAddresses(text: string): string {
  return text.replace(ADDRESS, "[address]");
}

export function describeSendError(error: unknown): string {
  const parts: string[] = [];
  if (error instanceof Error) {
    const { code, responseCode } = error as Error & { code?: unknown; responseCode?: unknown };
    if (typeof code === "string" && !error.message.includes(code)) parts.push(code);
    if (typeof responseCode === "number" && !error.message.includes(String(responseCode))) {
      parts.push(String(responseCode));
    }
    parts.push(error.message || error.name);
  } else {
    parts.push(String(error));
  }
  const oneLine = redactAddresses(parts.join(" ")).replace(/\s+/g, " ").trim();
  return oneLine.length > MAX_LENGTH ? `${oneLine.slice(0, MAX_LENGTH - 1)}…` : oneLine || "unknown error";
}
