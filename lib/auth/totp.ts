import { Secret, TOTP } from "otpauth";

/**
 * Time-based one-time codes (RFC 6238: 6 digits, 30 seconds, SHA-1, as every authenticator app supports),
 * the second factor every researcher must use.
 */
const PERIOD = 30;

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: "Bi-directional learning research",
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, accountEmail: string): string {
  return totpFor(secretBase32, accountEmail).toString();
}

/**
 * The time step of a valid code, allowing one step either side for clock drift, or null. The caller
 * refuses a step at or before the last one accepted, so no code works twice.
 */
export function acceptedTotpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const cleaned = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(cleaned)) return null;
  const delta = totpFor(secretBase32, "check").validate({ token: cleaned, timestamp: now, window: 1 });
  if (delta === null) return null;
  return Math.floor(now / 1000 / PERIOD) + delta;
}

/** The current code, for tests and the development demo account only. */
export function currentTotpCode(secretBase32: string, now = Date.now()): string {
  return totpFor(secretBase32, "code").generate({ timestamp: now });
}
