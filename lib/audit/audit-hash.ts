import { createHash } from "node:crypto";
import { canonicalJson, type CanonicalValue } from "./canonical-json";

export type AuditActorType = "VOLUNTEER" | "PARTICIPANT" | "RESEARCHER" | "SYSTEM";

/** What an audit event says. `data` holds ids and codes only, never personal data. */
export type AuditEventContent = {
  occurredAt: Date;
  actorType: AuditActorType;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  data: { readonly [key: string]: CanonicalValue };
};

/**
 * The hash chain: each event's hash covers its content and the previous event's hash, so changing,
 * removing or reordering any event breaks every hash after it.
 */
export function hashAuditEvent(content: AuditEventContent, previousHash: string | null): string {
  const canonical = canonicalJson({ ...content, previousHash });
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
