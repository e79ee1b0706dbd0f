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
    // The layers, one way only: app (routes) may import components and lib; components may import lib;
    // lib imports neither, so domain rules and data access never depend on how a page looks. Imports
    // through the "@/" alias are resolved by eslint-import-resolver-typescript, so they count too.
    files: ["app/**", "components/**", "lib/**"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: "./app", message: "lib/ must not import app/: move what both need into lib/." },
            {
              target: "./lib",
              from: "./components",
              message: "lib/ must not import components/: move the shared type or function into lib/.",
            },
            {
              target: "./components",
              from: "./app",
              message: "components/ must not import app/: move the shared type into lib/.",
            },
          ],
        },
      ],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    // Where the environment itself is the subject: the settings module, launchers and test harnesses.
    files: ["lib/config/env.ts", "scripts/**", "tests/**", "prisma.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
]);
