import { createServer } from "node:http";
import { parseArgs } from "node:util";

/**
 * The production server: Next's own request handler behind a Node HTTP server
 * that first offers each request to the `/q/CODE` fast path (lib/qr/fast-path.ts,
 * installed by instrumentation.ts). Everything else, and any request the fast
 * path cannot take, is Next's, exactly as under `next start`.
 *
 *   node scripts/server.mjs [-p PORT] [-H HOSTNAME]     (after `next build`)
 *
 * SIGTERM/SIGINT: stop accepting, finish the requests in flight, close Next
 * (which waits for `after()` work) and write the queued QR scans, then exit.
 */
const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  strict: true,
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;

// As `next start` does, before Next is loaded (the publish ticker calls this instance on PORT).
process.env.NODE_ENV = "production";
process.env.PORT = String(port);
const { default: next } = await import("next");

const server = createServer();
const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost", httpServer: server });
const handle = app.getRequestHandler();
await app.prepare();

const fastPath = () => globalThis.__caixinQrFastPath;

server.on("request", (req, res) => {
  const fast = fastPath();
  if (!fast?.matches(req)) return void handle(req, res);
  fast.serve(req, res).catch((error) => {
    console.error("QR fast path failed, answering through Next", error);
    if (!res.headersSent) void handle(req, res);
    else res.destroy();
  });
});

server.listen(port, hostname, () => {
  console.log(`▸ Ready on http://${hostname ?? "localhost"}:${port}${fastPath() ? " (QR fast path on)" : ""}`);
});

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(async () => {
      try {
        await app.close();
        await globalThis.__caixinScanRecorder?.flush();
      } catch (error) {
        console.error("Error while shutting down", error);
      }
      process.exit(signal === "SIGTERM" ? 143 : 130);
    });
    server.closeIdleConnections();
  });
}
