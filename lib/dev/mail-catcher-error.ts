/**
 * A mail catcher problem explained for the person at the terminal (shown alone, without a stack). Kept
 * apart from mail-catcher.ts so the launcher can recognise it without loading the development packages.
 */
export class MailCatcherError extends Error {}
