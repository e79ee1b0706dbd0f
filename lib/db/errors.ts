/**
 * Failures whose messages are written for the person starting the portal: the launcher prints them
 * alone, without a stack trace. They never contain a password.
 */
export class DatabaseUnavailableError extends Error {}

export class EmbeddedDatabaseError extends Error {}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migrationName?: string,
  ) {
    super(message);
  }
}
