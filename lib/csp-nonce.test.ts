import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNonce, createScriptNoncer, nonceHtmlAnswers, policyWithNonce } from "./csp-nonce.mjs";
import { readingSettingsScript } from "./theme-script.mjs";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "__fixtures__", name)).toString("latin1");
/** An ISR page as Next's cache holds it: built without a nonce (trimmed from the production build). */
const CACHED_PAGE = fixture("isr-page.html");
/** A page Next rendered with nonce NEXT_NONCE in the request: every script but our theme script carries it. */
const NEXT_RENDERED_PAGE = fixture("dynamic-page.html");
const NEXT_NONCE = "BBBBBBBBBBBBBBBBBBBBBBBB";
const NONCE = "dGhpc0lzQVRlc3ROb25jZTEy";

// What Next runs around every response (router-server.js): its vendored copy of the compression middleware.
type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
const compression = createRequire(import.meta.url)("next/dist/compiled/compression") as () => Middleware;

const scriptTags = (html: string) => html.match(/<script\b[^>]*>/gi) ?? [];
const transform = (html: string, nonce = NONCE) => createScriptNoncer(nonce).end(html);
/** The page with `markup` put in front of the first occurrence of `before`. */
const inject = (html: string, before: string, markup: string) => html.replace(before, markup + before);
const TAIL = '<script id="_R_">';
const IN_ARTICLE = "</article>";

describe("a cached page", () => {
  it("gets this response's nonce on every script, and nothing else changes", () => {
    const out = transform(CACHED_PAGE);
    expect(scriptTags(CACHED_PAGE)).toHaveLength(9);
    expect(scriptTags(out).every((tag) => tag.startsWith(`<script nonce="${NONCE}"`))).toBe(true);
    expect(out.replaceAll(` nonce="${NONCE}"`, "")).toBe(CACHED_PAGE);
    expect(out).toContain(`<script nonce="${NONCE}">${readingSettingsScript}</script>`);
    expect(out).toContain(`<script nonce="${NONCE}" src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>`);
  });

  it("comes out the same however the bytes are split into chunks", () => {
    const bytes = Buffer.from(CACHED_PAGE, "latin1");
    const whole = transform(CACHED_PAGE);
    for (let at = 0; at <= bytes.length; at++) {
      const noncer = createScriptNoncer(NONCE);
      const first = noncer.write(bytes.subarray(0, at).toString("latin1"));
      const out = (first ?? bytes.subarray(0, at).toString("latin1")) + noncer.end(bytes.subarray(at).toString("latin1"));
      if (out !== whole) expect.fail(`split at byte ${at} gave a different page`);
    }
  });

  it("comes out the same one byte at a time", () => {
    const noncer = createScriptNoncer(NONCE);
    let out = "";
    for (const char of CACHED_PAGE) out += noncer.write(char) ?? char;
    expect(out + noncer.end()).toBe(transform(CACHED_PAGE));
  });

  it("has a stale nonce (the request that rendered it into the cache) replaced on Next's scripts", () => {
    const cachedWithStaleNonce = transform(CACHED_PAGE, "c3RhbGVOb25jZUZyb21DYWNo");
    const out = transform(cachedWithStaleNonce);
    expect(out).not.toContain("c3RhbGVOb25jZUZyb21DYWNo");
    expect(out).toBe(transform(CACHED_PAGE));
  });
});

describe("a page Next rendered with this response's nonce", () => {
  it("only gets the nonce on our theme script, which React leaves without one", () => {
    const out = transform(NEXT_RENDERED_PAGE, NEXT_NONCE);
    expect(out).toBe(NEXT_RENDERED_PAGE.replace(`<script>${readingSettingsScript}`, `<script nonce="${NEXT_NONCE}">${readingSettingsScript}`));
  });

  it("streams through: nothing is held back but the script being read", () => {
    const noncer = createScriptNoncer(NEXT_NONCE);
    let written = 0;
    let sent = 0;
    for (let at = 0; at < NEXT_RENDERED_PAGE.length; at += 300) {
      const chunk = NEXT_RENDERED_PAGE.slice(at, at + 300);
      written += chunk.length;
      sent += (noncer.write(chunk) ?? chunk).length;
      expect(written - sent).toBeLessThanOrEqual(readingSettingsScript.length + 20);
    }
  });

  it("passes a chunk of plain markup on as it is (null: send the original bytes)", () => {
    const noncer = createScriptNoncer(NONCE);
    expect(noncer.write("<!DOCTYPE html><html><head><title>财信报</title>")).toBeNull();
  });
});

describe("scripts that are not provably Next's or ours get no nonce", () => {
  const expectNoNonce = (page: string, injected: string) => {
    const out = transform(page);
    expect(out, injected).toContain(injected);
    // Next's own scripts still get it, so the page works.
    expect(out).toContain(`<script nonce="${NONCE}" id="_R_">`);
  };

  it.each([
    "<script>alert(1)</script>",
    '<script nonce="wrong">alert(1)</script>',
    '<img src="x" onerror="alert(1)">',
    '<script src="https://evil.test/x.js"></script>',
    "<script src=//evil.test/x.js></script>",
    '<script src="/_next/static/../../api/x.js"></script>',
    '<script src="/_next/static/chunks/a.js">alert(1)</script>',
    '<script src="/_next/static/chunks/a.js" onload="alert(1)"></script>',
    '<script type="module" src="/_next/static/chunks/a.js"></script>',
  ])("injected into an article: %s", (injected) => expectNoNonce(inject(CACHED_PAGE, IN_ARTICLE, injected), injected));

  it.each([
    "<script>self.__next_f.push([1]);alert(1)</script>",
    "<script>self.__next_f.push(alert(1))</script>",
    "<script>self.__next_f.push([1],alert(1))</script>",
    "<script>self.__next_f.push([1])//</script>",
    "<script>self.__next_f.push([1]);self.__next_f.push(alert(1))</script>",
    // Valid JSON, but inside an SVG the parser would decode &quot; and end the string early.
    '<script>self.__next_f.push(["&quot;]);alert(1);//"])</script>',
    "<script>(self.__next_f=self.__next_f||[]).push([0]);alert(1)</script>",
    '<script>(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(alert(1));</script>',
    `<script>${readingSettingsScript};alert(1)</script>`,
    `<script>${readingSettingsScript.replace("cxb:theme", "cxb:thema")}</script>`,
    '<script nonce="wrong">self.__next_f.push([1,"x"])</script>'.replace('nonce="wrong"', 'nonce="wrong" onload="alert(1)"'),
    '<script src="/_next/static/chunks/a.js" src="https://evil.test/x.js"></script>',
    '<script src="/_next/static/chunks/a.js?x=1"></script>',
    // Forms Next never writes.
    '<script src="/_next/static/chunks/a.js"/></script>',
    '<SCRIPT src="/_next/static/chunks/a.js" async="" async=""></script>',
  ])("standing where Next's closing scripts are: %s", (injected) => expectNoNonce(inject(CACHED_PAGE, TAIL, injected), injected));

  it.each([
    "<script>self.__next_f.push([1,\"x\"])</script>",
    '<script src="/_next/static/chunks/a.js"></script>',
    `<script>${readingSettingsScript}</script>`,
    // The parser of an iframe's srcdoc would see the evil script take the nonce as its own attribute.
    "<iframe srcdoc='&lt;script src=//evil.test/x.js a=<script src=\"/_next/static/chunks/a.js\"></script>'></iframe>",
  ])("look-alikes inside an article: %s", (injected) => expectNoNonce(inject(CACHED_PAGE, IN_ARTICLE, injected), injected));

  it("a script tag hidden in another script tag's attributes is not read as a tag", () => {
    const injected = '<script src="https://evil.test/x.js" a=<script src="/_next/static/chunks/a.js"></script>';
    expectNoNonce(inject(CACHED_PAGE, TAIL, injected), injected);
    const inHead = inject(CACHED_PAGE, "</head>", injected);
    expect(transform(inHead)).toContain(injected);
  });

  it("a browser that sees a comment where we see a tag gets no nonce on the evil script after it", () => {
    // The browser reads <!-- … --> and then an evil script whose unquoted attribute runs into our look-alike.
    const injected = '<!-- <script id="--><script src=https://evil.test/x.js x=y"> a=<script src="/_next/static/chunks/a.js"></script>';
    expect(transform(inject(CACHED_PAGE, "</head>", injected))).toContain(injected);
    expectNoNonce(inject(CACHED_PAGE, TAIL, injected), injected);
  });

  it("closing scripts that do not end the document get none", () => {
    const notLast = CACHED_PAGE.replace("</body></html>", "<p>more</p></body></html>");
    const out = transform(notLast);
    expect(out).toContain(`<script id="_R_">`);
    expect(scriptTags(out).filter((tag) => tag.includes(NONCE))).toHaveLength(6); // the head's
  });
});

describe("nonce and policy", () => {
  it("a nonce is 144 random bits in base64, new every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => createNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });

  it("narrows script-src to 'self' and the nonce and keeps every other directive", () => {
    const policy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
    expect(policyWithNonce(policy, NONCE)).toBe(`default-src 'self'; script-src 'self' 'nonce-${NONCE}'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'`);
    expect(policyWithNonce("default-src 'self'", NONCE)).toBe(`default-src 'self'; script-src 'self' 'nonce-${NONCE}'`);
  });
});

describe("the production server's answers (nonceHtmlAnswers around a handler set up as Next's)", () => {
  const SITE_POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'";
  const JSON_BODY = JSON.stringify({ ok: true, text: "x".repeat(4000) });
  const compress = compression();
  let seenRequestPolicies: string[] = [];
  let releaseStream: () => void = () => {};
  let base = "";

  async function next(req: IncomingMessage, res: ServerResponse) {
    compress(req, res, () => {});
    res.setHeader("Content-Security-Policy", SITE_POLICY);
    seenRequestPolicies.push(String(req.headers["content-security-policy"]));
    const html = Buffer.from(CACHED_PAGE, "latin1");
    if (req.url?.startsWith("/page")) {
      res.setHeader("ETag", '"cached"');
      if (req.headers["if-none-match"] === '"cached"') return void res.writeHead(304).end();
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Content-Length", html.length);
      // Next sends a cached page as one string; other answers come as bytes.
      return void res.end(req.method === "HEAD" ? undefined : req.url === "/page-as-string" ? html.toString("utf8") : html);
    }
    if (req.url === "/streamed") {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      // A string first, then bytes cut in the middle of a Chinese character.
      const head = html.subarray(0, html.indexOf("<main"));
      const midCharacter = html.indexOf(Buffer.from("民营"), head.length) + 1;
      res.write(head.toString("utf8"));
      await new Promise<void>((resolve) => (releaseStream = resolve));
      res.write(html.subarray(head.length, midCharacter));
      return void res.end(html.subarray(midCharacter));
    }
    res.setHeader("Content-Type", req.url === "/rsc" ? "text/x-component" : "application/json");
    res.end(JSON_BODY);
  }

  let server: ReturnType<typeof createServer>;
  beforeAll(async () => {
    server = createServer((req, res) => {
      nonceHtmlAnswers(req, res);
      void next(req, res);
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  async function get(url: string, headers: Record<string, string> = {}, method = "GET") {
    const res = await new Promise<IncomingMessage>((resolve, reject) => request(`${base}${url}`, { method, headers }, resolve).on("error", reject).end());
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const body = (res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("latin1");
    const nonce = /'nonce-([^']+)'/.exec(String(res.headers["content-security-policy"]))?.[1];
    return { res, body, nonce };
  }

  it("sends an HTML page uncompressed with a nonce in its policy that every script carries, new each time", async () => {
    seenRequestPolicies = [];
    const first = await get("/page", { "accept-encoding": "gzip, deflate, br", accept: "text/html" });
    const second = await get("/page-as-string", { "accept-encoding": "gzip" });
    for (const { res, body, nonce } of [first, second]) {
      expect(body).toBe(transform(CACHED_PAGE, nonce));
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-encoding"]).toBeUndefined();
      expect(res.headers["content-length"]).toBeUndefined();
      expect(res.headers.etag).toBeUndefined();
      expect(res.headers["content-security-policy"]).toBe(policyWithNonce(SITE_POLICY, nonce!));
      expect(scriptTags(body).every((tag) => tag.includes(`nonce="${nonce}"`))).toBe(true);
    }
    expect(first.nonce).not.toBe(second.nonce);
    // Next reads the same nonce from the request, for the pages it renders.
    expect(seenRequestPolicies.map((policy) => getScriptNonceFromHeader(policy))).toEqual([first.nonce, second.nonce]);
  });

  it("never answers a navigation 304: the browser's copy carries an old nonce", async () => {
    const { res, body } = await get("/page", { "if-none-match": '"cached"', accept: "text/html,application/xhtml+xml" });
    expect(res.statusCode).toBe(200);
    expect(body).toContain("</html>");
  });

  it("answers HEAD with the nonce policy and no length", async () => {
    const { res, body, nonce } = await get("/page", {}, "HEAD");
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
    expect(res.headers["content-length"]).toBeUndefined();
    expect(body).toBe("");
  });

  it("leaves JSON and RSC answers as Next sends them, compressed when asked", async () => {
    for (const url of ["/json", "/rsc"]) {
      const { res, body } = await get(url, { "accept-encoding": "gzip" });
      expect(res.headers["content-encoding"]).toBe("gzip");
      expect(res.headers["content-security-policy"]).toBe(SITE_POLICY);
      expect(body).toBe(JSON_BODY);
    }
  });

  it("streams a page: its head arrives before the handler has finished", async () => {
    const res = await new Promise<IncomingMessage>((resolve) => request(`${base}/streamed`, resolve).end());
    const chunks: Buffer[] = [];
    res.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      releaseStream();
    });
    await once(res, "end");
    const nonce = /'nonce-([^']+)'/.exec(String(res.headers["content-security-policy"]))?.[1];
    expect(chunks[0]!.toString("latin1")).toContain("</head>");
    expect(Buffer.concat(chunks).toString("latin1")).toBe(transform(CACHED_PAGE, nonce));
  });
});
