import { createHash } from "node:crypto";

/**
 * The client's address, for rate limiting only. It is read from the header the deployment's reverse
 * proxy sets (TRUSTED_PROXY_HEADER); without one, from X-Forwarded-For as Next.js fills it from the
 * connection. In X-Forwarded-For the right-most entry is the one added by the nearest proxy, the only
 * one a client cannot forge. Returned hashed: addresses are personal data and never stored.
 */
export function clientKeyFromHeaders(headers: Headers, trustedHeader: string | undefined): string {
  const raw = headers.get(trustedHeader ?? "x-forwarded-for") ?? "";
  const address = raw.split(",").map((part) => part.trim()).filter(Boolean).at(-1) ?? "unknown";
  return createHash("sha256").update(address).digest("hex").slice(0, 32);
}
