/**
 * Runs once when a server instance starts. The Node.js-only work lives in
 * lib/server-start.ts; the positive runtime check (as Next's docs write it)
 * lets the bundler leave that code out of the edge build.
 */
export async function register() {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServerInstance } = await import("./lib/server-start");
    startServerInstance();
  }
}
