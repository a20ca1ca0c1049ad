/**
 * Pages that run without Next's client runtime (issue 7: ≤ 100 KB of
 * JavaScript on `/` and the article). Such a page puts ISLANDS_MARKER in its
 * head (lib/islands-page.ts adds it to the page's metadata): everything
 * interactive on it is an island (components/islands/), plain DOM code that
 * needs no React in the browser. scripts/server.mjs then sends the page with
 * Next's scripts and RSC payload taken out (lib/csp-nonce.mjs does the
 * taking, with the same rules that decide which scripts get the nonce) and the
 * islands' one module script put in.
 *
 * Served any other way (`next dev`, `next start`), the same page hydrates and
 * its islands start from React (components/islands/island.tsx): nothing breaks,
 * it only costs more.
 */
export const ISLANDS_MARKER = '<meta name="cxb-render" content="islands"/>';

/** Further than any head Next writes (about 4 kB); past it, the page is sent as it is. */
export const HEAD_LIMIT = 64 * 1024;

// React writes these preloads for the runtime's chunks; with the runtime gone they would only waste bandwidth.
const RUNTIME_PRELOAD = /<link rel="preload" as="script"(?: [\w-]+="[^"<>]*")*? href="\/_next\/static\/[\w./~-]+\.js"(?: [\w-]+="[^"<>]*")*\/>/g;

/**
 * The head (everything before `<body`) of an islands page as it goes out: no
 * preloads of Next's runtime, and the islands' script in their place. Only
 * ever given text React rendered from escaped values, where no attribute
 * value can hold a `<` or a `"`.
 */
export function islandsHead(head, islandsScript) {
  const close = head.lastIndexOf("</head>");
  const withoutPreloads = (close === -1 ? head : head.slice(0, close)).replace(RUNTIME_PRELOAD, "");
  const script = `<script type="module" src="${islandsScript}"></script>`;
  return close === -1 ? withoutPreloads + script : withoutPreloads + script + head.slice(close);
}

/** Whether a script URL from the islands manifest is ours to load (same origin, Next's static folder). */
export const isIslandsScript = (url) => typeof url === "string" && /^\/_next\/static\/islands\/[\w-]+\.js$/.test(url);

/** A page's metadata with the islands marker added (Next writes `other` entries as `<meta name content>`). */
export function asIslandsPage(metadata) {
  return { ...metadata, other: { ...metadata.other, "cxb-render": "islands" } };
}
