import path from "node:path";
import type { ViteUserConfig } from "vitest/config";

export const root = path.resolve(import.meta.dirname, "..");

export const sharedConfig: ViteUserConfig = {
  root,
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside React Server Components; tests call server modules directly.
      { find: /^server-only$/, replacement: path.join(root, "tests", "support", "empty-module.ts") },
    ],
  },
  test: {
    // An unexpected console.error fails the test (tests/support/fail-on-console-error.ts).
    setupFiles: [path.join(root, "tests", "support", "fail-on-console-error.ts")],
    reporters: ["default"],
  },
};
