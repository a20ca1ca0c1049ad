import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { auditLog, users } from "@/db/schema";

/**
 * The audit log: every staff mutation records who did what to which record,
 * with a before/after summary, inside the transaction that makes the change,
 * so a change and its record land (or roll back) together.
 *
 * Summaries are small and never carry secrets: pass only the fields a person
 * reviewing the log needs (titles, dates, statuses), not whole rows with
 * password hashes or tokens. `summarize` helps by keeping chosen keys.
 */
export type AuditEntry = {
  actorId: string | null;
  /** Dotted verb: "issue.publish", "article.update", "reader.comp.grant", … */
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

const SECRET_KEY = /password|token|secret|hash/i;
const MAX_STRING = 300;

function clean(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (Array.isArray(value)) return value.slice(0, 50).map(clean);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_KEY.test(key))
        .map(([key, v]) => [key, clean(v)]),
    );
  }
  return value;
}

/** Keeps `keys` of a row (dates as ISO strings, long text shortened, secret-looking keys dropped). */
export function summarize<T extends Record<string, unknown>>(row: T | null | undefined, keys: readonly (keyof T)[]): Record<string, unknown> | null {
  if (!row) return null;
  return clean(Object.fromEntries(keys.map((key) => [key, row[key]]))) as Record<string, unknown>;
}

/** Writes one entry with `tx`: call it inside the transaction that makes the change. */
export async function recordAudit(tx: Tx | Db, entry: AuditEntry): Promise<void> {
  let actorLabel = "system";
  if (entry.actorId) {
    const [actor] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, entry.actorId)).limit(1);
    actorLabel = actor ? (actor.name ? `${actor.name} <${actor.email}>` : actor.email) : entry.actorId;
  }
  await tx.insert(auditLog).values({
    actorId: entry.actorId,
    actorLabel,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before ? (clean(entry.before) as Record<string, unknown>) : null,
    after: entry.after ? (clean(entry.after) as Record<string, unknown>) : null,
  });
}
