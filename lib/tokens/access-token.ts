import { createHash, randomBytes } from "node:crypto";

/**
 * Participant links carry a random token (256 bits, far above the 128 required) and nothing else; the
 * database keeps only its SHA-256, so a copy of the database opens no one's consent form.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newAccessToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/** Tokens are 43 URL-safe characters; anything else is not worth a database lookup. */
export function looksLikeToken(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function daysFromNow(days: number, now = new Date()): Date {
  return new Date(now.getTime() + days * 86_400_000);
}

export type TokenState = "valid" | "expired" | "revoked" | "used";

/** Whether a stored token still opens its page; pure, so the rules are tested without a database. */
export function tokenState(
  row: { expiresAt: Date; revokedAt: Date | null; usedAt: Date | null },
  now = new Date(),
): TokenState {
  if (row.revokedAt) return "revoked";
  if (row.usedAt) return "used";
  if (row.expiresAt <= now) return "expired";
  return "valid";
}
