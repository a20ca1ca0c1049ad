import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { nonceHtmlAnswers } from "../lib/csp-nonce.mjs";
import { isIslandsScript } from "../lib/islands-page.mjs";
import { rootLogger } from "../lib/log-core.mjs";
import { requestLogging } from "../lib/log-http.mjs";

/**
 * The production server: Next's own request handler behind a Node HTTP server
 * that first offers each request to the `/q/CODE` fast path (lib/qr/fast-path.ts,
 * installed by instrumentation.ts). Everything else, and any request the fast
 * path cannot take, is Next's, exactly as under `next start`.
 *
 *   node scripts/server.mjs [-p PORT] [-H HOSTNAME]     (after `next build`)
 *   cd .next/standalone && node scripts/server.mjs …     (a copied standalone build)
 *
 * Every request gets an id (a safe incoming X-Request-Id, else a new UUID),
 * sent back as X-Request-Id and carried by every log line written for it, and
 * one JSON access line when it ends unless LOG_ACCESS=0 (lib/log-http.mjs).
 *
 * Every page goes out with a Content-Security-Policy whose script-src is
 * 'self' and a nonce new for that response, cached (ISR) pages included: the
 * nonce reaches Next in the request's CSP header and cached HTML gets it on
 * Next's own scripts on the way out (lib/csp-nonce.mjs). This policy replaces
 * the static one from next.config.ts on HTML answers (one policy, not two);
 * the static one, with no inline scripts at all, stays on everything else.
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
// Serve with the config the build resolved, as Next's own standalone server.js does: the standalone
// folder copied to each app server has no next.config.ts, and in a checkout it is what was built.
const distDir = path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? ".next");
const builtConfig = path.join(distDir, "required-server-files.json");
if (existsSync(builtConfig)) {
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(JSON.parse(readFileSync(builtConfig, "utf8")).config);
}
const { default: next } = await import("next");

const server = createServer();
// Idle keep-alive connections stay open longer than a proxy keeps its own (nginx's upstream keepalive_timeout
// is 60 s): with Node's 5 s default, the server closes a connection just as the proxy (or any client) reuses
// it, and that request fails with a reset instead of an answer.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost", httpServer: server });
const handle = app.getRequestHandler();
await app.prepare();

const log = rootLogger().child({ module: "server" });
const fastPath = () => globalThis.__caixinQrFastPath;
const withRequestId = requestLogging();

// The reader's islands (scripts/build-islands.mjs): without them, islands pages hydrate as any other.
const islandsScript = readIslandsScript();
if (!islandsScript) log.warn("No islands build (static/islands/manifest.json): `/` and articles will load Next's runtime; run `npm run build`");

function readIslandsScript() {
  try {
    const { boot } = JSON.parse(readFileSync(path.join(distDir, "static", "islands", "manifest.json"), "utf8"));
    return isIslandsScript(boot) && existsSync(path.join(distDir, boot.replace(/^\/_next\//, ""))) ? boot : undefined;
  } catch {
    return undefined;
  }
}

// Said once: if it happens at all, it happens on every page.
let warnedEncodedHtml = false;
const onEncodedHtml = () => {
  if (warnedEncodedHtml) return;
  warnedEncodedHtml = true;
  log.warn("An HTML answer arrived compressed, so its scripts got no CSP nonce and are blocked (see lib/csp-nonce.mjs)");
};

function answer(req, res) {
  const fast = fastPath();
  if (!fast?.matches(req)) {
    nonceHtmlAnswers(req, res, { onEncodedHtml, islandsScript });
    return void handle(req, res);
  }
  fast.serve(req, res).catch((error) => {
    log.error({ err: error }, "QR fast path failed, answering through Next");
    if (res.headersSent) return void res.destroy();
    nonceHtmlAnswers(req, res, { onEncodedHtml, islandsScript });
    void handle(req, res);
  });
}

server.on("request", (req, res) => withRequestId(req, res, () => answer(req, res)));

server.listen(port, hostname, () => {
  const url = `http://${hostname ?? "localhost"}:${port}`;
  log.info({ url, qrFastPath: Boolean(fastPath()) }, `Ready on ${url}`);
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
        log.error({ err: error }, "Error while shutting down");
      }
      process.exit(signal === "SIGTERM" ? 143 : 130);
    });
    // Connections finishing a request go idle one by one; with the long keep-alive above they would hold the
    // exit for a minute, so they are closed as soon as they are idle.
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 200).unref();
  });
}
