import { closeDb } from "@/db/client";
import { publishDueIssues } from "@/lib/issues-admin";

/**
 * `npm run jobs:publish`: publishes scheduled issues (定时出版) whose time has
 * come. Safe to run as often as you like: only issues still scheduled change.
 * Run it every few minutes, for example with cron:
 *
 *   0-59/5 * * * * cd /srv/portal && npm run jobs:publish >> /var/log/caixinbao-jobs.log 2>&1
 *
 * Outside Next this script cannot call revalidatePath, so reader pages pick up
 * a newly published issue within their revalidate period: 60 s for `/` (the
 * today page), 300 s for the issue, page, article and archive pages. An issue
 * whose day became a pause after it was scheduled is left scheduled and listed.
 */
async function main() {
  const { published, skipped } = await publishDueIssues();
  for (const issue of published) console.log(`Published 总第${issue.number}期 (${issue.date}).`);
  for (const issue of skipped) console.log(`Skipped 总第${issue.number}期 (${issue.date}): that day is now a pause (休刊); reschedule or withdraw it.`);
  console.log(`Publish job done: ${published.length} published, ${skipped.length} skipped.`);
  await closeDb();
}

main().catch(async (error) => {
  console.error(`Publish job failed: ${error instanceof Error ? error.message : String(error)}`);
  await closeDb().catch(() => {});
  process.exit(1);
});
