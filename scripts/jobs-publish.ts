import { closeDb } from "@/db/client";
import { env } from "@/lib/env";
import { publishDueIssues } from "@/lib/issues-admin";
import { PUBLISH_JOB_PATH, publishJobToken } from "@/lib/publish-job";

/**
 * `npm run jobs:publish`: publishes scheduled issues (定时出版) whose time has
 * come. A running server already does this every minute by itself (see
 * instrumentation.ts); this command is for cron set-ups that turn that off with
 * JOBS_IN_SERVER=0, and for a manual run:
 *
 *   * * * * * cd /srv/portal && npm run jobs:publish >> /var/log/caixinbao-jobs.log 2>&1
 *
 * It asks the server at APP_URL to do the work, so the cached reader pages are
 * refreshed at once. With no server reachable it publishes straight in the
 * database; reader pages then catch up within their revalidate period (60 s
 * for today's page, 300 s for the rest). Safe to run as often as you like:
 * only issues still scheduled change. An issue whose day became a pause after
 * it was scheduled is left scheduled and listed.
 */
type Outcome = { published: { number: number; date: string }[]; skipped: { number: number; date: string }[]; via: string };

async function viaServer(): Promise<Outcome | null> {
  const url = new URL(PUBLISH_JOB_PATH, env().APP_URL);
  try {
    const response = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${publishJobToken()}` }, signal: AbortSignal.timeout(30_000) });
    if (!response.ok) return null;
    return { ...((await response.json()) as Omit<Outcome, "via">), via: `the server at ${url.origin}` };
  } catch {
    return null;
  }
}

async function viaDatabase(): Promise<Outcome> {
  const { published, skipped } = await publishDueIssues();
  return { published, skipped, via: "the database (no server reachable; reader pages refresh within their revalidate period)" };
}

async function main() {
  const { published, skipped, via } = (await viaServer()) ?? (await viaDatabase());
  for (const issue of published) console.log(`Published 总第${issue.number}期 (${issue.date}).`);
  for (const issue of skipped) console.log(`Skipped 总第${issue.number}期 (${issue.date}): that day is now a pause (休刊); reschedule or withdraw it.`);
  console.log(`Publish job done through ${via}: ${published.length} published, ${skipped.length} skipped.`);
  await closeDb();
}

main().catch(async (error) => {
  console.error(`Publish job failed: ${error instanceof Error ? error.message : String(error)}`);
  await closeDb().catch(() => {});
  process.exit(1);
});
