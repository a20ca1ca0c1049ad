import { closeDb } from "@/db/client";
import { runDailyJobs } from "@/lib/billing/reminders";
import { announcePauses } from "@/lib/pause-mail";
import { sweepStorageJournal } from "@/lib/storage/journal";

/**
 * `npm run jobs:daily`: once a day, the reminders that prepaid and gift terms
 * are ending (each mail goes out at most once, so an extra run is harmless and
 * a missed day is caught up the next), and the sweep of files that an import
 * or upload killed half-way left behind (lib/storage/journal.ts). For example,
 * with cron on the server:
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
  const swept = await sweepStorageJournal();
  console.log(`Storage sweep: ${swept.removed} file(s) of unfinished imports and uploads removed${swept.failed ? `, ${swept.failed} could not be (retried next run)` : ""}.`);
  await closeDb();
}

main().catch(async (error) => {
  console.error(`Daily jobs failed: ${error instanceof Error ? error.message : String(error)}`);
  await closeDb().catch(() => {});
  process.exit(1);
});
