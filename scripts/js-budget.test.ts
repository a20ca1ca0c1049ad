import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { BUDGET_ROUTES, jsBudget, scriptLoadsInHtml, scriptsInHtml } from "./js-budget.mjs";

/**
 * A miniature of what `next build` (Turbopack, Next 16.4) writes, laid out as
 * in a real build: app-path-routes-manifest.json, build-manifest.json's
 * rootMainFiles, server/app/…/page_client-reference-manifest.js, static/chunks.
 */
const dist = mkdtempSync(path.join(tmpdir(), "js-budget-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function write(file: string, content: string | Buffer) {
  mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  writeFileSync(path.join(dist, file), content);
}
const gzip = (file: string, content: Buffer) => (write(file, content), gzipSync(content).length);
const manifest = (appPath: string, entries: Record<string, string[]>) =>
  `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(appPath)}] = ${JSON.stringify({ moduleLoading: { prefix: "" }, clientModules: {}, entryCSSFiles: {}, entryJSFiles: entries })};`;

// Text compresses well; random bytes do not, which lets one route blow the budget on purpose.
const runtime = gzip("static/chunks/runtime.js", Buffer.from("var a=1;".repeat(4000)));
const layout = gzip("static/chunks/layout.js", Buffer.from("function layout(){}".repeat(500)));
const article = gzip("static/chunks/article.js", Buffer.from("function article(){}".repeat(300)));
const notFound = gzip("static/chunks/not-found.js", Buffer.from("nf();".repeat(50)));
gzip("static/chunks/polyfill.js", randomBytes(50_000));
const huge = gzip("static/chunks/huge.js", randomBytes(120 * 1024));

write(
  "app-path-routes-manifest.json",
  JSON.stringify({
    "/(reader)/today/[date]/page": "/today/[date]",
    "/(reader)/articles/[id]/page": "/articles/[id]",
    "/(reader)/articles/[id]/signed-in/page": "/articles/[id]/signed-in",
    "/(reader)/issues/[date]/pages/[n]/page": "/issues/[date]/pages/[n]",
    "/(reader)/issues/[date]/pages/[n]/image/route": "/issues/[date]/pages/[n]/image",
    "/q/[code]/route": "/q/[code]",
    "/_not-found/page": "/_not-found",
  }),
);
write("build-manifest.json", JSON.stringify({ polyfillFiles: ["static/chunks/polyfill.js"], rootMainFiles: ["static/chunks/runtime.js"] }));
const shared = { "[project]/app/layout": ["static/chunks/layout.js"], "[project]/app/not-found": ["static/chunks/layout.js", "static/chunks/not-found.js"] };
write("server/app/(reader)/today/[date]/page_client-reference-manifest.js", manifest("/(reader)/today/[date]/page", { ...shared, "[project]/app/(reader)/today/[date]/page": ["static/chunks/layout.js"] }));
write("server/app/(reader)/articles/[id]/page_client-reference-manifest.js", manifest("/(reader)/articles/[id]/page", { ...shared, "[project]/app/(reader)/articles/[id]/page": ["static/chunks/layout.js", "static/chunks/article.js"] }));
write("server/app/(reader)/articles/[id]/signed-in/page_client-reference-manifest.js", manifest("/(reader)/articles/[id]/signed-in/page", { ...shared, "[project]/app/(reader)/articles/[id]/signed-in/page": ["static/chunks/huge.js"] }));
// The 版面 page's build output is missing: the check must fail, not pass with 0 bytes.
write(
  "server/app/_not-found.html",
  '<!DOCTYPE html><html><head><link rel="preload" as="script" href="/_next/static/chunks/runtime.js"/><script src="/_next/static/chunks/runtime.js" async=""></script>' +
    '<script src="/_next/static/chunks/polyfill.js" noModule=""></script><script>self.__next_f=[]</script></head><body><script src="/_next/static/chunks/layout.js?dpl=abc" async=""></script><script src="/_next/static/chunks/not-found.js" async=""></script></body></html>',
);

describe("JS budget", () => {
  const { rows, ok } = jsBudget({ distDir: dist, routes: [...BUDGET_ROUTES, { label: "/_not-found", route: "/_not-found" }] });
  const row = (label: string) => rows.find((r) => r.route === label)!;

  it("sums the runtime, the layouts, the boundaries and the page's own chunks, each file once", () => {
    expect(row("/")).toMatchObject({ from: "manifests", scripts: 3, gzipBytes: runtime + layout + notFound, frameworkGzipBytes: runtime });
    expect(row("/articles/[id]")).toMatchObject({ scripts: 4, gzipBytes: runtime + layout + notFound + article });
  });

  it("leaves out the legacy polyfill modern browsers skip", () => {
    expect(row("/").gzipBytes).toBeLessThan(runtime + layout + notFound + 1);
  });

  it("fails a hydrating route over 100 KB gzip", () => {
    const { rows: [over], ok: fine } = jsBudget({ distDir: dist, routes: [{ label: "/big", route: "/articles/[id]/signed-in" }] });
    expect(over).toMatchObject({ result: "FAIL" });
    expect(over!.gzipBytes).toBeGreaterThanOrEqual(huge);
    expect(fine).toBe(false);
  });

  it("reports an islands page's hydrated cost for reference, without judging it (the served figure is what counts)", () => {
    expect(row("/articles/[id]/signed-in")).toMatchObject({ result: "islands (if hydrated)" });
    expect(row("/articles/[id]/signed-in").gzipBytes).toBeGreaterThanOrEqual(huge);
  });

  it("fails a route whose build output is missing", () => {
    expect(row("/issues/[date]/pages/[n]")).toMatchObject({ from: "missing", scripts: 0, result: "FAIL" });
    expect(ok).toBe(false);
  });

  it("counts a route handler as no JavaScript", () => {
    expect(row("/q/[code]")).toMatchObject({ from: "route handler", scripts: 0, gzipBytes: 0, result: "PASS" });
  });

  it("reads a prerendered page's own script tags", () => {
    expect(row("/_not-found")).toMatchObject({ from: "prerendered HTML", scripts: 3, gzipBytes: runtime + layout + notFound });
  });

  it("says so when there is no build", () => {
    expect(() => jsBudget({ distDir: path.join(dist, "nothing-here") })).toThrow(/next build/);
  });
});

describe("script tags", () => {
  it("keeps module scripts of the build and skips inline, nomodule and foreign ones", () => {
    const html =
      '<script src="/_next/static/chunks/a.js" async=""></script><script nomodule src="/_next/static/chunks/p.js"></script>' +
      "<script>inline()</script><script src='https://cdn.example/x.js'></script><script src=\"/_next/static/chunks/a.js\"></script>";
    expect(scriptsInHtml(html)).toEqual(["static/chunks/a.js"]);
  });
});

describe("what a served page loads", () => {
  it("counts script files, script preloads and modulepreloads once each, and inline scripts as text; not nomodule ones", () => {
    const html =
      '<head><link rel="stylesheet" href="/a.css"/><link rel="preload" as="script" href="/_next/static/chunks/r.js"/><link rel="preload" as="image" href="/i.png"/>' +
      '<link rel="modulepreload" href="/_next/static/islands/m.js"/><script type="module" src="/_next/static/islands/boot-1.js"></script>' +
      '<script nonce="n">theme()</script><script src="/_next/static/chunks/r.js" async=""></script><script src="/p.js" noModule=""></script></head>';
    expect(scriptLoadsInHtml(html)).toEqual({ urls: ["/_next/static/islands/boot-1.js", "/_next/static/chunks/r.js", "/_next/static/islands/m.js"], inline: "theme()" });
  });
});
