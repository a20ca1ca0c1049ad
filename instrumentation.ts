/**
 * Runs once when a server instance starts, in the Node.js runtime:
 * - installs the `/q/CODE` fast path that scripts/server.mjs hands plain QR
 *   scans to (lib/qr/fast-path.ts), from inside Next's bundle so it shares the
 *   database handle, the code cache and the scan queue with the route handlers;
 * - starts the minute ticker for scheduled publishing (定时出版), unless
 *   JOBS_IN_SERVER=0 (e.g. when cron runs `npm run jobs:publish` instead).
 *   Several instances may all tick: publishing takes row locks (FOR UPDATE
 *   SKIP LOCKED), so each due issue is published once.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { installQrFastPath } = await import("./lib/qr/fast-path");
  installQrFastPath();
  if (process.env.JOBS_IN_SERVER === "0") return;
  const { startPublishTicker } = await import("./lib/publish-ticker");
  startPublishTicker();
}
