/** Whether a database error is a unique-constraint violation (PostgreSQL 23505, Prisma P2002). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as {
    code?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
  };
  return e.code === "P2002" || e.code === "23505" || e.meta?.driverAdapterError?.cause?.originalCode === "23505";
}
