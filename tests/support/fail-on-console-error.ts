import { afterEach, beforeEach, vi } from "vitest";
import { logger } from "@/lib/log/logger";

// An error logged where none was expected is a bug, even if the assertions passed: whether it went to
// console.error or to the portal's logger at error level or above. A test that expects one replaces the
// spy with its own (vi.spyOn again) and checks what was logged.
let errors: string[] = [];

/** One logged call as text: the logger's merged fields as JSON, then its message. */
export function loggedText(args: unknown[]): string {
  return args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ");
}

beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(loggedText(args)));
  vi.spyOn(logger, "error").mockImplementation((...args: unknown[]) => void errors.push(loggedText(args)));
  vi.spyOn(logger, "fatal").mockImplementation((...args: unknown[]) => void errors.push(loggedText(args)));
});

afterEach(() => {
  vi.restoreAllMocks();
  if (errors.length > 0) throw new Error(`An error was logged during the test:\n${errors.join("\n")}`);
});
