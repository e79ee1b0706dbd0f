import path from "node:path";
import { defineConfig, mergeConfig } from "vitest/config";
import { root, sharedConfig } from "./vitest.shared.ts";

/**
 * System tests: the portal as real processes (PostgreSQL, app instances from the production build,
 * workers), with faults a test causes on purpose (a database restart, a kill -9). One file at a time:
 * each starts several processes, and the machine has two cores.
 */
export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      name: "system",
      include: ["tests/system/**/*.test.ts"],
      globalSetup: [path.join(root, "tests", "system", "support", "global-setup.ts")],
      fileParallelism: false,
      maxWorkers: 1,
      testTimeout: 240_000,
      hookTimeout: 240_000,
    },
  }),
);
