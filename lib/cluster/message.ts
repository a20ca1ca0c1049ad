import { z } from "zod";

/**
 * What one instance tells the others after a change that their in-process
 * caches hold (lib/cluster/announce.ts sends it, listener.ts receives it):
 * reader pages to revalidate, QR codes and readers' access to forget.
 * `everything` follows a lost connection, when messages may have been missed.
 */
export const INVALIDATION_CHANNEL = "cxb_invalidate";
/** Each instance's own route that applies a message (lib/cluster/listener.ts calls it on loopback). */
export const INVALIDATE_PATH = "/api/internal/invalidate";
export const INVALIDATE_PURPOSE = "cluster:invalidate";

const pageRef = z.object({ path: z.string().startsWith("/").max(300), type: z.enum(["page", "layout"]).optional() });

export const invalidationSchema = z.object({
  from: z.string().max(64).optional(),
  pages: z.array(pageRef).max(500).default([]),
  qrCodes: z.array(z.string().max(64)).max(500).default([]),
  users: z.array(z.string().max(64)).max(500).default([]),
  everything: z.boolean().optional(),
});

export type Invalidation = z.infer<typeof invalidationSchema>;
export type PageRef = z.infer<typeof pageRef>;

// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more.
const MAX_PAYLOAD_BYTES = 7000;

/** The message as NOTIFY payloads, split so each stays under PostgreSQL's limit. */
export function payloadsOf(message: Invalidation): string[] {
  const whole = JSON.stringify(message);
  if (Buffer.byteLength(whole) <= MAX_PAYLOAD_BYTES) return [whole];
  const parts: Invalidation[] = [];
  let current: Invalidation = { from: message.from, pages: [], qrCodes: [], users: [] };
  let size = 100;
  const push = (key: "pages" | "qrCodes" | "users", item: PageRef | string) => {
    const itemSize = Buffer.byteLength(JSON.stringify(item)) + 1;
    if (size + itemSize > MAX_PAYLOAD_BYTES) {
      parts.push(current);
      current = { from: message.from, pages: [], qrCodes: [], users: [] };
      size = 100;
    }
    (current[key] as unknown[]).push(item);
    size += itemSize;
  };
  for (const page of message.pages) push("pages", page);
  for (const code of message.qrCodes) push("qrCodes", code);
  for (const user of message.users) push("users", user);
  parts.push(current);
  return parts.map((part) => JSON.stringify(part));
}
