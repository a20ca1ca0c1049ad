import { closeDb } from "@/db/client";
import { runDailyJobs } from "@/lib/billing/reminders";
import { announcePauses } from "@/lib/pause-mail";

/**
 * `npm run jobs:daily`: once a day, the reminders that prepaid and gift terms
 * are ending (each mail goes out at most once, so an extra run is harmless and
 * a missed day is caught up the next). For example, with cron on the server:
 *
 *   5 8 * * * cd /srv/portal && npm run jobs:daily >> /var/log/caixinbao-jobs.log 2>&1
 *
 * (08:05 server time; set the server to Asia/Shanghai or shift the hour.) The
 * npm script passes `--conditions=react-server` so the app's "server-only"
 * modules (mail) load in Node.
 */
async function main() {
  const { sent } = await runDailyJobs();
  console.log(`Daily jobs done: ${sent} reminder mail(s) sent.`);
  console.log(`Pause notices: ${(await announcePauses()).sent} mail(s) sent (announcements and corrections, each at most once).`);
  await closeDb();
}

main().catch(async (error) => {
  console.error(`Daily jobs failed: ${error instanceof Error ? error.message : String(error)}`);
  await closeDb().catch(() => {});
  process.exit(1);
});
