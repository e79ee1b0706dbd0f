import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    "lib/generated/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      // Settings are read and validated once, in lib/config/env.ts (and README.md lists them all).
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings through readEnv() in lib/config/env.ts." },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Where the environment itself is the subject: the settings module, launchers and test harnesses.
    files: ["lib/config/env.ts", "scripts/**", "tests/**", "prisma.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
]);
