import { createHash } from "node:crypto";
import { isIP } from "node:net";

/**
 * The client's address, for rate limiting only. The portal's own HTTP server (scripts/http-server.ts)
 * deletes whatever a client sent in this header and sets it on every request, from the trusted proxy's
 * header or the connection itself (`clientAddressOf`). Pages and actions read only this header, so a
 * client cannot choose its own address by sending X-Forwarded-For.
 */
export const CLIENT_ADDRESS_HEADER = "x-portal-client-address";

/** Headers as Node.js gives them: lower-case names, a string or (for a repeated header) a list. */
type IncomingHeaders = Record<string, string | string[] | undefined>;

/**
 * Where a request came from. Behind a reverse proxy (TRUSTED_PROXY_HEADER set) it is the right-most entry
 * of that header: the one the nearest proxy, ours, added; anything to its left came from the client and
 * may be forged. A repeated header counts as one comma-separated list, in order. Without a proxy it is
 * the connection's address. An IPv4 address seen through an IPv6 socket (::ffff:192.0.2.1) is written as
 * IPv4, so one client has one key whichever way it connected.
 */
export function clientAddressOf(
  headers: IncomingHeaders,
  socketAddress: string | undefined,
  trustedHeader: string | undefined,
): string {
  let address: string | undefined;
  if (trustedHeader) {
    const raw = headers[trustedHeader.toLowerCase()];
    const list = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
    address = list
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .at(-1);
  } else {
    address = socketAddress;
  }
  if (!address) return "unknown";
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  // Anything that is not an address (a proxy misconfigured to send a name) is kept, but bounded.
  return isIP(address) ? address.toLowerCase() : address.slice(0, 100);
}

/**
 * The rate-limit key for the request: the address set by the portal's server, hashed (addresses are
 * personal data and never stored).
 */
export function clientKeyFromHeaders(headers: Headers): string {
  const address = headers.get(CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
  return createHash("sha256").update(address).digest("hex").slice(0, 32);
}
