import { after } from "next/server";
import { countArticleRead, isBotUserAgent } from "@/lib/dashboard";
import { parseIdParam } from "@/lib/params";
import { clientIp } from "@/lib/throttle";
import { logger } from "@/lib/log";

const log = logger.child({ module: "reads" });

export const dynamic = "force-dynamic";

// A light, per-instance cap per address: enough for a reader paging through an
// issue, not for a script inflating one article's count.
const WINDOW_MS = 60_000;
const MAX_PER_WINDOW = 60;
const recent = new Map<string, { since: number; count: number }>();

function overLimit(ip: string, now = Date.now()): boolean {
  if (recent.size > 50_000) recent.clear();
  const entry = recent.get(ip);
  if (!entry || now - entry.since > WINDOW_MS) {
    recent.set(ip, { since: now, count: 1 });
    return false;
  }
  entry.count += 1;
  return entry.count > MAX_PER_WINDOW;
}

const noContent = () => new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });

/**
 * One read of an article (sent by the page's ReadBeacon). Answers 204 at once
 * and counts afterwards; bots, unknown or unpublished articles are silently
 * not counted. Nothing about the reader is stored.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const id = parseIdParam((await params).id);
  if (!id || isBotUserAgent(request.headers.get("user-agent"))) return noContent();
  if (overLimit(clientIp(request.headers))) return noContent();
  after(async () => {
    try {
      await countArticleRead(id);
    } catch (error) {
      log.error({ err: error, articleId: id }, "Read not counted");
    }
  });
  return noContent();
}
