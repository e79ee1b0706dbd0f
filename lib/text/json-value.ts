/**
 * A plain JSON copy of a value: properties that are undefined are dropped, as JSON itself would, because
 * Prisma (with strictUndefinedChecks) refuses undefined anywhere in a write, even inside a JSON column.
 */
export function toJsonValue<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
