import { startInvalidationListener } from "@/lib/cluster/listener";
import { installQrFastPath } from "@/lib/qr/fast-path";
import { startPublishTicker } from "@/lib/publish-ticker";

/**
 * What a server instance starts in the Node.js runtime (called from
 * instrumentation.ts):
 * - the `/q/CODE` fast path that scripts/server.mjs hands plain QR scans to,
 *   installed from inside Next's bundle so it shares the database handle, the
 *   code cache and the scan queue with the route handlers;
 * - the minute ticker for scheduled publishing (定时出版), unless
 *   JOBS_IN_SERVER=0 (e.g. when cron runs `npm run jobs:publish` instead).
 *   Several instances may all tick: publishing takes row locks (FOR UPDATE
 *   SKIP LOCKED), so each due issue is published once;
 * - on PostgreSQL, the listener for the other instances' changes, so a
 *   publish or a staff edit on one instance shows on all within a second.
 */
export function startServerInstance(): void {
  installQrFastPath();
  startInvalidationListener();
  if (process.env.JOBS_IN_SERVER !== "0") startPublishTicker();
}
