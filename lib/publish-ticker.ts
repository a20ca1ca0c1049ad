import { PUBLISH_JOB_PATH, publishJobToken } from "@/lib/publish-job";
import { logger } from "@/lib/log";

const log = logger.child({ module: "jobs:publish" });

const MINUTE = 60_000;

/** Calls this instance's own publish route every minute (first run shortly after start). */
export function startPublishTicker(): void {
  const port = process.env.PORT ?? "3000";
  const tick = async () => {
    try {
      const response = await fetch(`http://127.0.0.1:${port}${PUBLISH_JOB_PATH}`, {
        method: "POST",
        headers: { authorization: `Bearer ${publishJobToken()}` },
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) log.error({ status: response.status }, "Publish job answered with an error");
      else {
        const result = (await response.json()) as { published: { number: number; date: string }[] };
        for (const issue of result.published) log.info({ issueNumber: issue.number, date: issue.date }, `Published 总第${issue.number}期 (${issue.date})`);
      }
    } catch (error) {
      // The server may still be starting or shutting down: the next tick tries again.
      log.error({ reason: error instanceof Error ? error.message : String(error) }, "Publish tick failed");
    }
  };
  setTimeout(tick, 5_000).unref();
  setInterval(tick, MINUTE).unref();
}
