import { ConfigurationError } from "@/lib/config/env";
import { DatabaseUnavailableError, EmbeddedDatabaseError, MigrationError } from "@/lib/db/errors";
import { MailCatcherError } from "@/lib/dev/mail-catcher-error";

/** Errors whose message is written for the person at the terminal: shown alone, with no stack. */
const explainedErrors = [
  ConfigurationError,
  DatabaseUnavailableError,
  EmbeddedDatabaseError,
  MigrationError,
  MailCatcherError,
];

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function failAndExit(error: unknown): never {
  if (typeof error === "string" || explainedErrors.some((type) => error instanceof type)) {
    process.stderr.write(`\n✖ ${typeof error === "string" ? error : (error as Error).message}\n\n`);
  } else {
    process.stderr.write(`\n✖ The portal could not start because of an unexpected error:\n`);
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\n`);
  }
  process.exit(1);
}
