import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createScriptNoncer } from "./csp-nonce.mjs";
import { HEAD_LIMIT, ISLANDS_MARKER, asIslandsPage, isIslandsScript } from "./islands-page.mjs";
import { readingSettingsScript } from "./theme-script.mjs";

/** An ISR page as Next's cache holds it (trimmed from the production build), and the same page marked as an islands page. */
const PAGE = readFileSync(path.join(import.meta.dirname, "__fixtures__", "isr-page.html")).toString("latin1");
const ISLANDS_PAGE = PAGE.replace('<meta name="theme-color"', `${ISLANDS_MARKER}<meta name="theme-color"`);
const NONCE = "dGhpc0lzQVRlc3ROb25jZTEy";
const BOOT = "/_next/static/islands/boot-0123456789ab.js";

const send = (html: string, islandsScript: string | null = BOOT) => createScriptNoncer(NONCE, { islandsScript: islandsScript ?? undefined }).end(html);
const scriptTags = (html: string) => html.match(/<script\b[^>]*>/gi) ?? [];
const bodyOf = (html: string) => html.slice(html.indexOf("<body"), html.indexOf('<script id="_R_">') === -1 ? undefined : html.indexOf('<script id="_R_">'));

describe("an islands page (lib/islands-page.mjs) as scripts/server.mjs sends it", () => {
  const out = send(ISLANDS_PAGE);

  it("loads none of Next's runtime: no chunk scripts, no preloads of them, no RSC payload", () => {
    expect(PAGE).toContain("/_next/static/chunks/1pivwn2-puyw2.js");
    expect(out).not.toMatch(/\/_next\/static\/chunks\/[^"]+\.js/);
    expect(out).not.toContain("__next_f");
    expect(out).not.toContain("TURBOPACK");
  });

  it("runs only the theme script (with this response's nonce) and the islands' module script", () => {
    expect(scriptTags(out)).toEqual([`<script nonce="${NONCE}">`, `<script type="module" src="${BOOT}">`]);
    expect(out).toContain(`<script nonce="${NONCE}">${readingSettingsScript}</script>`);
    expect(out.indexOf(BOOT)).toBeLessThan(out.indexOf("</head>"));
  });

  it("keeps the page itself: stylesheet, metadata and every bit of the body's markup", () => {
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/chunks/1pqfscip87z2_.css" data-precedence="next"/>');
    expect(out).toContain(ISLANDS_MARKER);
    expect(out.endsWith("</body></html>")).toBe(true);
    const body = bodyOf(ISLANDS_PAGE);
    expect(body.length).toBeGreaterThan(1000);
    expect(out).toContain(body);
  });

  it("comes out the same however the bytes are split into chunks", () => {
    for (let at = 0; at <= ISLANDS_PAGE.length; at += 7) {
      const sender = createScriptNoncer(NONCE, { islandsScript: BOOT });
      const first = ISLANDS_PAGE.slice(0, at);
      const written = sender.write(first);
      if ((written ?? first) + sender.end(ISLANDS_PAGE.slice(at)) !== out) expect.fail(`split at ${at} gave a different page`);
    }
  });

  it("holds back nothing but the head while it waits to see the marker", () => {
    const sender = createScriptNoncer(NONCE, { islandsScript: BOOT });
    const bodyAt = ISLANDS_PAGE.indexOf("<body");
    expect(sender.write(ISLANDS_PAGE.slice(0, bodyAt))).toBe("");
    expect(sender.write(ISLANDS_PAGE.slice(bodyAt, bodyAt + 2000))!.length).toBeGreaterThan(bodyAt);
  });
});

describe("pages that are not islands pages", () => {
  it("hydrate as before: an unmarked page gets the nonce and keeps every script", () => {
    expect(send(PAGE)).toBe(createScriptNoncer(NONCE).end(PAGE));
  });

  it("without an islands build, a marked page hydrates too", () => {
    expect(send(ISLANDS_PAGE, null)).toBe(createScriptNoncer(NONCE).end(ISLANDS_PAGE));
  });

  it("the marker counts only in the head, where no article text can stand", () => {
    const markedInBody = PAGE.replace("</article>", `${ISLANDS_MARKER}</article>`);
    expect(markedInBody).not.toBe(PAGE);
    expect(send(markedInBody)).toBe(createScriptNoncer(NONCE).end(markedInBody));
  });

  it("a document with no <body> within HEAD_LIMIT goes out as it came (with the nonce rules)", () => {
    const long = `<!DOCTYPE html><html><head>${ISLANDS_MARKER}<title>${"x".repeat(HEAD_LIMIT)}</title>`;
    expect(send(long)).toBe(long);
  });
});

describe("islands page helpers", () => {
  it("marks page metadata without losing other entries", () => {
    expect(asIslandsPage({ title: "财信报", other: { a: "b" } })).toEqual({ title: "财信报", other: { a: "b", "cxb-render": "islands" } });
  });

  it("trusts only a script of our own static islands folder from the manifest", () => {
    expect(isIslandsScript(BOOT)).toBe(true);
    for (const url of ["https://cdn.example/boot.js", "/_next/static/islands/../chunks/x.js", "/_next/static/chunks/x.js", "javascript:alert(1)", 42]) expect(isIslandsScript(url)).toBe(false);
  });
});
