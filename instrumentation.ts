/**
 * Runs once when a server instance starts. In the Node.js runtime it starts the
 * minute ticker for scheduled publishing (定时出版), unless JOBS_IN_SERVER=0
 * (e.g. when cron runs `npm run jobs:publish` instead). Several instances may
 * all tick: publishing takes row locks (FOR UPDATE SKIP LOCKED), so each due
 * issue is published once.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.JOBS_IN_SERVER === "0") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startPublishTicker } = await import("./lib/publish-ticker");
  startPublishTicker();
}
