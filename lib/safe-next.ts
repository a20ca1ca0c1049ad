/**
 * Where to send a reader after signing in. Only same-site relative paths are
 * honoured; anything that a browser, a proxy or a later decode could turn into
 * another origin falls back to "/", so ?next= can never be an open redirect.
 */
const PROBE_ORIGIN = "http://same-site.invalid";
const MAX_LENGTH = 2048;

// Browsers drop tabs and newlines inside URLs ("/\t/evil.com" becomes "//evil.com")
// and treat "\" like "/", so both are refused outright, as are other control characters.
const forbidden = /[\u0000-\u001F\u007F\s\\]/;

function looksLikeAnotherOrigin(path: string): boolean {
  return !path.startsWith("/") || path.startsWith("//") || forbidden.test(path);
}

/** For decoded forms: only the start decides the origin, so "?q=a b" stays acceptable. */
function startsLikeAnotherOrigin(path: string): boolean {
  const squeezed = path.replace(/[\u0000-\u001F\u007F\s]/g, "");
  return !squeezed.startsWith("/") || /^\/[/\\]/.test(squeezed);
}

export function safeNext(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return fallback;
  if (looksLikeAnotherOrigin(raw)) return fallback;

  // Something downstream may decode the path once or twice ("/%2F%2Fevil.com"); refuse
  // anything whose decoded forms would be dangerous, and anything that will not decode.
  let decoded = raw;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback;
    }
    if (next === decoded) break;
    if (startsLikeAnotherOrigin(next)) return fallback;
    decoded = next;
  }

  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  // Dot segments can collapse into a protocol-relative path: "/a/../..//evil.com" → "//evil.com".
  const normalized = `${url.pathname}${url.search}${url.hash}`;
  if (looksLikeAnotherOrigin(normalized)) return fallback;
  return normalized;
}
