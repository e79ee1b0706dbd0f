/** The longest wait between two attempts: a mail server that is down for a day is retried hourly. */
export const MAX_RETRY_DELAY_SECONDS = 3600;

/**
 * How long to wait before the next attempt after `attempts` failed ones: the base delay, doubled for
 * each further failure, never more than an hour. Doubling spares a struggling mail server while the cap
 * keeps a long outage from pushing the next try days away.
 */
export function retryDelaySeconds(attempts: number, baseDelaySeconds: number): number {
  const exponent = Math.max(0, Math.floor(attempts) - 1);
  // Past 2^12 the product exceeds the cap for any base of at least one second, and 2^large is Infinity.
  const delay = baseDelaySeconds * 2 ** Math.min(exponent, 12);
  return Math.min(Math.max(delay, 0), MAX_RETRY_DELAY_SECONDS);
}
