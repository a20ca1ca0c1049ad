import postgres from "postgres";
import { env } from "@/lib/env";
import { internalToken } from "@/lib/internal-caller";
import { logger } from "@/lib/log";
import { instanceId } from "./announce";
import { INVALIDATE_PATH, INVALIDATE_PURPOSE, INVALIDATION_CHANNEL, invalidationSchema, type Invalidation } from "./message";

const log = logger.child({ module: "cluster" });

/**
 * Listens for other instances' changes (lib/cluster/announce.ts) and passes
 * them to this instance's own invalidation route: only code in Next's request
 * scope can revalidate cached pages, as with the publish ticker. After the
 * connection to PostgreSQL was lost, messages may have been missed, so the
 * route is told to forget everything once the listener is back.
 */
export function startInvalidationListener(): { stop: () => Promise<void> } {
  const url = env().DATABASE_URL;
  if (!url) return { stop: async () => {} };
  let stopped = false;
  const client = postgres(url, { max: 1, onnotice: () => {} });
  let listenedBefore = false;
  const listen = () =>
    client
      .listen(
        INVALIDATION_CHANNEL,
        (payload) => void receive(payload),
        () => {
          if (listenedBefore) void forward({ pages: [], qrCodes: [], users: [], everything: true });
          listenedBefore = true;
        },
      )
      .catch((error: unknown) => {
        log.warn({ reason: error instanceof Error ? error.message : String(error) }, "Cannot listen for other instances' changes yet; retrying");
        listenedBefore = true; // whatever was sent meanwhile is lost: forget everything once listening
        if (!stopped) setTimeout(listen, 5_000).unref();
      });
  void listen();
  return {
    stop: async () => {
      stopped = true;
      await client.end({ timeout: 1 });
    },
  };
}

async function receive(payload: string): Promise<void> {
  let message: Invalidation;
  try {
    message = invalidationSchema.parse(JSON.parse(payload));
  } catch {
    log.warn("Ignored a malformed invalidation message");
    return;
  }
  if (message.from === instanceId()) return;
  await forward(message);
}

async function forward(message: Invalidation): Promise<void> {
  const port = process.env.PORT ?? "3000";
  try {
    const response = await fetch(`http://127.0.0.1:${port}${INVALIDATE_PATH}`, {
      method: "POST",
      headers: { authorization: `Bearer ${internalToken(INVALIDATE_PURPOSE)}`, "content-type": "application/json" },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) log.error({ status: response.status }, "The invalidation route answered with an error");
  } catch (error) {
    log.error({ reason: error instanceof Error ? error.message : String(error) }, "Could not pass another instance's change to this one");
  }
}
