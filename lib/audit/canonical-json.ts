/**
 * A deterministic JSON text for hashing: object keys sorted, no whitespace, dates as ISO 8601 strings.
 * Two equal values always give the same text, whatever order their keys were built in.
 */
export type CanonicalValue =
  | null
  | boolean
  | number
  | string
  | Date
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue | undefined };

export function canonicalJson(value: CanonicalValue): string {
  if (value === null) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(",")}]`;
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) throw new Error("canonicalJson: numbers must be finite");
      return JSON.stringify(value);
    case "boolean":
    case "string":
      return JSON.stringify(value);
    case "object": {
      const entries = Object.entries(value as Record<string, CanonicalValue | undefined>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v as CanonicalValue)}`).join(",")}}`;
    }
    default:
      throw new Error(`canonicalJson: cannot encode a ${typeof value}`);
  }
}
