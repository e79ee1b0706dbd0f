import path from "node:path";
import { defineConfig, mergeConfig } from "vitest/config";
import { root, sharedConfig } from "./vitest.shared.ts";

export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      name: "integration",
      include: ["tests/integration/**/*.test.ts"],
      // One embedded PostgreSQL for the run; each test file gets its own database cloned from a
      // migrated template, and each test starts from empty tables.
      globalSetup: [path.join(root, "tests", "integration", "support", "global-setup.ts")],
      setupFiles: [path.join(root, "tests", "integration", "support", "per-file-database.ts")],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  }),
);
