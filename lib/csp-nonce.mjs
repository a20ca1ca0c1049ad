import { randomBytes } from "node:crypto";
import { StringDecoder } from "node:string_decoder";
import { HEAD_LIMIT, ISLANDS_MARKER, islandsHead } from "./islands-page.mjs";
import { readingSettingsScript } from "./theme-script.mjs";

/**
 * A per-response CSP nonce for every HTML page, cached ones included
 * (scripts/server.mjs wires it in; issue 8).
 *
 * Next stamps the nonce it finds in the request's `content-security-policy`
 * header on every script when it renders, but an ISR page comes out of the
 * cache as it was rendered once: with no nonce, or with the nonce of the
 * request that happened to render it. So the outgoing HTML passes through
 * `createScriptNoncer`, which gives this response's nonce to the scripts that
 * are provably Next's own or ours, and to nothing else:
 *
 * - where: only in the head (before `<body`: React renders it from escaped
 *   values, so no article HTML can stand there) and in the run of scripts that
 *   ends the document just before `</body></html>` (Next's inlined data). A
 *   look-alike inside article HTML, even inside an attribute value or an
 *   iframe's srcdoc, never gets it.
 * - what: `<script src="/_next/static/….js">` with no content; inline scripts
 *   whose text is exactly our theme script (lib/theme-script.mjs), Next's
 *   `(self.__next_f=self.__next_f||[]).push([0])`, or `self.__next_f.push(X)` /
 *   Turbopack's `(globalThis["TURBOPACK"] || …).push(X);` where X is JSON
 *   (data, so the script can do nothing else). Only known attributes with plain
 *   values; no `<` or `&` inside, so the browser ends the script where we do and
 *   decodes nothing in it, whatever state its parser is in.
 * - how: each `<script` (any case, followed by what ends an HTML tag name) is
 *   read as the browser's tokenizer reads a start tag, and scanning resumes
 *   after its `>`. A script gets the nonce only when the character before it
 *   is `>`: whatever state the browser's parser is in there, a `>` outside a
 *   quoted value has ended any tag, so the nonce becomes an attribute of the
 *   very script we read, or plain text; inside a quoted value it is text too
 *   (our `"` ends a double-quoted one early, but N then never follows `nonce=`).
 *
 * A stale nonce on one of those scripts is replaced; any other script keeps
 * what it has (no nonce, or a wrong one) and the browser blocks it.
 *
 * The markup that matters is ASCII, so the transform reads the body as text
 * either way Next writes it: a string as it is (a cached page comes as one),
 * bytes as latin1, one character per byte, so a UTF-8 sequence split across
 * chunks passes intact and JSON stays valid or invalid alike. One pass, no
 * DOM; only an unfinished tag at the end of a chunk and a candidate closing
 * run (an ISR page's last ~20–30 kB) are held back.
 */

const NONCE_BYTES = 18;

// Random bytes fetched 256 nonces at a time: one call to the CSPRNG per 256 requests, each nonce its own bytes.
let randomPool = Buffer.alloc(0);
let randomAt = 0;

/** 144 random bits as 24 base64 characters (no padding, nothing HTML would need escaped). */
export function createNonce() {
  if (randomAt + NONCE_BYTES > randomPool.length) {
    randomPool = randomBytes(NONCE_BYTES * 256);
    randomAt = 0;
  }
  return randomPool.toString("base64", randomAt, (randomAt += NONCE_BYTES));
}

/** The site's policy with script-src narrowed to our origin and this response's nonce (no 'unsafe-inline'). */
export function policyWithNonce(policy, nonce) {
  const scriptSrc = `script-src 'self' 'nonce-${nonce}'`;
  let found = false;
  const directives = policy
    .split(";")
    .map((directive) => directive.trim())
    .filter(Boolean)
    .map((directive) => (/^script-src(?:\s|$)/i.test(directive) ? ((found = true), scriptSrc) : directive));
  if (!found) directives.push(scriptSrc);
  return directives.join("; ");
}

const SCRIPT_OPEN = /<script[\t\n\f\r />]/gi;
const BODY_OPEN = /<body[\t\n\f\r />]/gi;
const SCRIPT_CLOSE = "</script>";
const DOCUMENT_END = "</body></html>";

const NEXT_DATA_START = "(self.__next_f=self.__next_f||[]).push([0])";
const NEXT_DATA_PUSH = "self.__next_f.push(";
const TURBOPACK_PUSH = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(';

const OWN_SRC = /^\/_next\/static\/(?:[\w~-][\w.~-]*\/)*[\w~-][\w.~-]*\.js$/;
const ATTRIBUTE_VALUES = {
  src: (value) => value !== null && OWN_SRC.test(value),
  async: (value) => !value,
  defer: (value) => !value,
  nomodule: (value) => !value,
  id: (value) => value !== null && /^[\w:-]{1,64}$/.test(value),
  crossorigin: (value) => !value || value === "anonymous" || value === "use-credentials",
  integrity: (value) => value !== null && /^sha(?:256|384|512)-[A-Za-z0-9+/]+={0,2}$/.test(value),
  nonce: () => true,
};

const isSpace = (c) => c === 9 || c === 10 || c === 12 || c === 13 || c === 32;

/**
 * The start tag at `start` ("<script" and a delimiter), tokenized as the HTML
 * standard does (before/after attribute name, quoted and unquoted values,
 * self-closing): `{ end, attributes, selfClosing }` with `end` just after its
 * `>`, or null when the text ends inside the tag. Names are lowercased; values
 * are raw (nothing trusted may contain `&`, so raw is what the browser sees).
 */
function readScriptStartTag(text, start) {
  const attributes = [];
  let current = null;
  let state = "afterTagName";
  let mark = 0;
  for (let i = start + 7; i < text.length; i++) {
    const c = text.charCodeAt(i);
    switch (state) {
      case "afterTagName":
        if (c === 62) return { end: i + 1, attributes, selfClosing: false };
        state = c === 47 ? "selfClosing" : "beforeName";
        break;
      case "beforeName":
        if (isSpace(c)) break;
        if (c === 47 || c === 62) {
          state = "afterName";
          i--;
          break;
        }
        // "=" here starts a name ("unexpected-equals-sign-before-attribute-name").
        current = { name: "", rawName: "", value: null };
        attributes.push(current);
        mark = i;
        state = "name";
        break;
      case "name":
        if (isSpace(c) || c === 47 || c === 62 || c === 61) {
          current.rawName = text.slice(mark, i);
          current.name = current.rawName.toLowerCase();
          if (c === 61) state = "beforeValue";
          else {
            state = "afterName";
            i--;
          }
        }
        break;
      case "afterName":
        if (isSpace(c)) break;
        if (c === 47) state = "selfClosing";
        else if (c === 61) state = "beforeValue";
        else if (c === 62) return { end: i + 1, attributes, selfClosing: false };
        else {
          state = "beforeName";
          i--;
        }
        break;
      case "beforeValue":
        if (isSpace(c)) break;
        if (c === 34 || c === 39) {
          state = c === 34 ? "doubleQuoted" : "singleQuoted";
          mark = i + 1;
        } else if (c === 62) return { end: i + 1, attributes, selfClosing: false };
        else {
          state = "unquoted";
          mark = i;
        }
        break;
      case "doubleQuoted":
      case "singleQuoted":
        if (c === (state === "doubleQuoted" ? 34 : 39)) {
          current.value = text.slice(mark, i);
          state = "afterQuoted";
        }
        break;
      case "unquoted":
        if (isSpace(c) || c === 62) {
          current.value = text.slice(mark, i);
          if (c === 62) return { end: i + 1, attributes, selfClosing: false };
          state = "beforeName";
        }
        break;
      case "afterQuoted":
        if (isSpace(c)) state = "beforeName";
        else if (c === 47) state = "selfClosing";
        else if (c === 62) return { end: i + 1, attributes, selfClosing: false };
        else {
          state = "beforeName";
          i--;
        }
        break;
      case "selfClosing":
        if (c === 62) return { end: i + 1, attributes, selfClosing: true };
        state = "beforeName";
        i--;
        break;
    }
  }
  return null;
}

/** JSON, so `push(X)` hands over data and runs nothing. */
function isJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Whether an inline script's whole text is one of the scripts we trust. */
function isOwnInlineScript(content) {
  if (content === readingSettingsScript || content === NEXT_DATA_START) return true;
  if (content.includes("&")) return false;
  if (content.startsWith(NEXT_DATA_PUSH) && content.endsWith(")")) return isJson(content.slice(NEXT_DATA_PUSH.length, -1));
  if (content.startsWith(TURBOPACK_PUSH)) {
    const end = content.endsWith(");") ? -2 : content.endsWith(")") ? -1 : 0;
    return end !== 0 && isJson(content.slice(TURBOPACK_PUSH.length, end));
  }
  return false;
}

/** While the text is still arriving: can this beginning still become a trusted inline script? */
function couldBeOwnInlineScript(partial) {
  for (const start of [readingSettingsScript, NEXT_DATA_START, NEXT_DATA_PUSH, TURBOPACK_PUSH]) {
    if (partial.length <= start.length ? start.startsWith(partial) : partial.startsWith(start)) return true;
  }
  return false;
}

/** The tag's attributes by name, if all are known ones with plain values and none repeats; else null. */
function knownAttributes(tag) {
  if (tag.selfClosing) return null;
  const byName = new Map();
  for (const attribute of tag.attributes) {
    const valid = ATTRIBUTE_VALUES[attribute.name];
    if (!valid || byName.has(attribute.name) || !valid(attribute.value)) return null;
    byName.set(attribute.name, attribute);
  }
  return byName;
}

/** `<script nonce="N" …>` with the other attributes as they were written (their values hold no quote, checked above). */
function tagWithNonce(attributes, nonce) {
  let tag = `<script nonce="${nonce}"`;
  for (const { name, rawName, value } of attributes.values()) {
    if (name !== "nonce") tag += value === null ? ` ${rawName}` : ` ${rawName}="${value}"`;
  }
  return `${tag}>`;
}

/** Whether `tail` (the last characters that have arrived) could be the beginning of `marker`. */
const couldBegin = (tail, marker) => tail.length < marker.length && marker.startsWith(tail.toLowerCase());

/** Whether a `<script` tag (any case, then a character that ends an HTML tag name) starts at `index`. */
function scriptOpensAt(text, index) {
  SCRIPT_OPEN.lastIndex = index;
  return SCRIPT_OPEN.exec(text)?.index === index;
}

/**
 * The streaming transform for one response. `write(text)` and `end(text)`
 * return the text that may go out now, or null from `write` when the chunk
 * goes out exactly as it came (nothing changed, nothing held back).
 */
export function createScriptNoncer(nonce, { islandsScript } = {}) {
  // Whether this is an islands page (lib/islands-page.mjs): unknown until the whole head has arrived.
  let islands = islandsScript ? undefined : false;
  let text = ""; // arrived, not yet sent
  let scanFrom = 0; // where the next `<script` may start
  let before = ""; // the last character already sent
  let inHead = true;
  // The candidate closing run: from `start` to `end` (just after its last `</script>`), with the tags to replace.
  let run = null;

  /** The script element whose start tag is `tag`: "wait" for more text, "own" (its end and the tag with our nonce), or "other". */
  function judge(tag, final) {
    const attributes = knownAttributes(tag);
    if (!attributes) return { kind: "other" };
    const close = text.indexOf("<", tag.end);
    if (close === -1 || text.length - close < SCRIPT_CLOSE.length) {
      if (final) return { kind: "other" };
      if (close !== -1 && !SCRIPT_CLOSE.startsWith(text.slice(close))) return { kind: "other" };
      const partial = text.slice(tag.end, close === -1 ? text.length : close);
      return (attributes.has("src") ? partial === "" : couldBeOwnInlineScript(partial)) ? { kind: "wait" } : { kind: "other" };
    }
    if (!text.startsWith(SCRIPT_CLOSE, close)) return { kind: "other" };
    const content = text.slice(tag.end, close);
    if (!(attributes.has("src") ? content === "" : isOwnInlineScript(content))) return { kind: "other" };
    const end = close + SCRIPT_CLOSE.length;
    // An islands page keeps only our theme script: Next's runtime and its data go.
    if (islands && content !== readingSettingsScript) return { kind: "own", stop: end, end, replacement: "" };
    const replacement = attributes.get("nonce")?.value === nonce ? null : tagWithNonce(attributes, nonce);
    return { kind: "own", stop: tag.end, end, replacement };
  }

  /** Holds the text until the head is complete; then decides, and rewrites the head of an islands page. */
  function decideIslands(final) {
    BODY_OPEN.lastIndex = 0;
    const bodyAt = BODY_OPEN.exec(text)?.index ?? -1;
    if (bodyAt === -1 && !final && text.length < HEAD_LIMIT) return false;
    const head = bodyAt === -1 ? "" : text.slice(0, bodyAt);
    islands = head.includes(ISLANDS_MARKER);
    if (islands) text = islandsHead(head, islandsScript) + text.slice(bodyAt);
    return true;
  }

  function scan(final) {
    let changed = false;
    if (islands === undefined) {
      if (!decideIslands(final)) return { out: "", whole: false };
      changed = islands; // the head was rewritten
    }
    let out = "";
    let sent = 0; // text[0, sent) is already in `out`
    let holdFrom = -1; // text[holdFrom, …) waits for the next chunk
    const charBefore = (index) => (index > 0 ? text[index - 1] : before);
    BODY_OPEN.lastIndex = 0;
    const bodyAt = inHead ? (BODY_OPEN.exec(text)?.index ?? -1) : -1;

    for (;;) {
      if (run && !scriptOpensAt(text, run.end)) {
        // A run goes on only with another script right after it, or is the end of the document.
        const rest = text.length - run.end <= DOCUMENT_END.length ? text.slice(run.end) : null;
        if (final && rest === DOCUMENT_END) {
          for (const { start, stop, replacement } of run.edits) {
            out += text.slice(sent, start) + replacement;
            sent = stop;
          }
          changed = true;
          run = null;
          break;
        }
        if (!final && rest !== null && (rest === DOCUMENT_END || couldBegin(rest, DOCUMENT_END) || couldBegin(rest, "<script "))) {
          holdFrom = run.start;
          break;
        }
        run = null; // anything else: the scripts so far were not the closing run
      }

      SCRIPT_OPEN.lastIndex = scanFrom;
      const found = SCRIPT_OPEN.exec(text);
      // Any "<body" ends the head, even one inside an attribute: that only ever trusts less.
      if (inHead && bodyAt !== -1 && (!found || bodyAt < found.index)) inHead = false;
      if (!found) {
        if (!final) {
          // Keep a trailing "<scri" or "<bod" that the next chunk may complete.
          const lastOpen = text.lastIndexOf("<");
          const tail = lastOpen >= scanFrom ? text.slice(lastOpen) : "";
          if (tail && (couldBegin(tail, "<script ") || (inHead && couldBegin(tail, "<body ")))) holdFrom = lastOpen;
        }
        break;
      }

      const start = found.index;
      const tag = readScriptStartTag(text, start);
      const verdict = tag ? judge(tag, final) : { kind: final ? "other" : "wait" };
      if (verdict.kind === "wait") {
        holdFrom = run ? run.start : start;
        break;
      }
      if (verdict.kind === "other") {
        if (run) {
          // Scanned again from the run's end with the run gone, so the tag is read as any other.
          run = null;
          continue;
        }
        scanFrom = tag ? tag.end : text.length;
        continue;
      }
      if (inHead) {
        if (verdict.replacement !== null && charBefore(start) === ">") {
          out += text.slice(sent, start) + verdict.replacement;
          sent = verdict.stop;
          changed = true;
        }
      } else if (run) {
        if (verdict.replacement !== null) run.edits.push({ start, stop: verdict.stop, replacement: verdict.replacement });
        run.end = verdict.end;
      } else if (verdict.replacement !== null && charBefore(start) === ">") {
        run = { start, end: verdict.end, edits: [{ start, stop: verdict.stop, replacement: verdict.replacement }] };
      }
      scanFrom = verdict.end;
    }

    if (holdFrom === -1) holdFrom = text.length;
    out += text.slice(sent, holdFrom);
    const whole = !changed && holdFrom === text.length;
    if (holdFrom > 0) before = text[holdFrom - 1];
    text = text.slice(holdFrom);
    scanFrom = Math.max(0, scanFrom - holdFrom);
    if (run) {
      run.start -= holdFrom;
      run.end -= holdFrom;
      for (const edit of run.edits) {
        edit.start -= holdFrom;
        edit.stop -= holdFrom;
      }
    }
    return { out, whole };
  }

  return {
    write(chunk) {
      const fresh = text === "";
      text += chunk;
      const { out, whole } = scan(false);
      return fresh && whole ? null : out;
    },
    end(chunk = "") {
      text += chunk;
      return scan(true).out;
    },
  };
}

const isUtf8 = (encoding) => !encoding || /^utf-?8$/i.test(encoding);

/**
 * One response's body as text for the noncer, in the form of its first chunk:
 * strings as they are, or bytes as latin1. A later chunk of the other kind is
 * converted (a string to UTF-8 bytes, or bytes through a UTF-8 decoder that
 * keeps a sequence split across chunks whole).
 */
function bodyText() {
  let asString = null;
  let decoder = null;
  return {
    /** The chunk as text, and whether that text is exactly the chunk (so the chunk itself may go out). */
    read(chunk, encoding) {
      if (typeof chunk === "string" && !isUtf8(encoding)) chunk = Buffer.from(chunk, encoding);
      const isString = typeof chunk === "string";
      asString ??= isString;
      if (isString === asString) return { text: isString ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("latin1"), exact: true };
      if (isString) return { text: Buffer.from(chunk, "utf8").toString("latin1"), exact: false };
      return { text: (decoder ??= new StringDecoder("utf8")).write(chunk), exact: false };
    },
    /** What a decoder still holds at the end (an unfinished UTF-8 sequence, as the browser would show it). */
    rest: () => decoder?.end() ?? "",
    /** Text to send: a string (Node encodes it as UTF-8) or the latin1 bytes. */
    toChunk: (text) => (asString ? text : Buffer.from(text, "latin1")),
  };
}

/**
 * Per request, before Next sees it: a fresh nonce in the request's CSP header
 * (where Next looks for it), and every HTML answer sent with the policy naming
 * that nonce and its body through `createScriptNoncer`. Everything else (RSC
 * payloads, JSON, files, scripts) goes out as Next wrote it.
 *
 * Next gzips whatever the client accepts, decided when the headers go out; so
 * as soon as an answer says it is HTML, the request's Accept-Encoding is put
 * aside and Next sends that answer uncompressed (a proxy in front compresses
 * it). Should an HTML body still arrive encoded, it goes out untouched under
 * the strict policy: its own scripts are blocked, nothing else is allowed, and
 * `onEncodedHtml` is told. A navigation (Accept: text/html) is never answered
 * 304, since the browser's copy carries an old nonce; HTML answers lose their
 * ETag and Content-Length, which no longer describe the body.
 */
export function nonceHtmlAnswers(req, res, { nonce = createNonce(), onEncodedHtml = () => {}, islandsScript } = {}) {
  req.headers["content-security-policy"] = `script-src 'self' 'nonce-${nonce}'`;
  if (req.headers.accept?.includes("text/html")) {
    delete req.headers["if-none-match"];
    delete req.headers["if-modified-since"];
  }
  const acceptEncoding = req.headers["accept-encoding"];
  let isHtml = false;
  let noncer = null;
  const body = bodyText();
  const { setHeader, writeHead, write, end } = res;

  res.setHeader = function (name, value) {
    if (name.toLowerCase() === "content-type") {
      isHtml = /^\s*text\/html\b/i.test(String(value));
      if (isHtml) delete req.headers["accept-encoding"];
      else if (acceptEncoding !== undefined) req.headers["accept-encoding"] = acceptEncoding;
    }
    return setHeader.call(this, name, value);
  };

  res.writeHead = function (statusCode, reason, headers) {
    if (typeof reason !== "string") [reason, headers] = [undefined, reason];
    if (Array.isArray(headers)) {
      // Node's flat [name, value, name, value…] form, where a name may repeat (Set-Cookie).
      const byName = new Map();
      for (let i = 0; i + 1 < headers.length; i += 2) {
        const key = String(headers[i]).toLowerCase();
        const entry = byName.get(key) ?? byName.set(key, { name: headers[i], values: [] }).get(key);
        entry.values.push(headers[i + 1]);
      }
      for (const { name, values } of byName.values()) this.setHeader(name, values.length === 1 ? values[0] : values);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value);
    }
    const policy = this.getHeader("content-security-policy");
    if (isHtml && typeof policy === "string" && statusCode !== 204 && statusCode !== 304) {
      this.setHeader("Content-Security-Policy", policyWithNonce(policy, nonce));
      if (this.getHeader("content-encoding")) onEncodedHtml();
      else {
        this.removeHeader("Content-Length");
        this.removeHeader("ETag");
        noncer = createScriptNoncer(nonce, { islandsScript });
      }
    }
    return reason === undefined ? writeHead.call(this, statusCode) : writeHead.call(this, statusCode, reason);
  };

  res.write = function (chunk, encoding, callback) {
    if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!noncer || chunk == null) return write.call(this, chunk, encoding, callback);
    const { text, exact } = body.read(chunk, encoding);
    const out = noncer.write(text);
    if (out === null && exact) return write.call(this, chunk, encoding, callback);
    if (out === "" || (out === null && text === "")) {
      if (callback) process.nextTick(callback);
      return true;
    }
    return write.call(this, body.toChunk(out ?? text), callback);
  };

  res.end = function (chunk, encoding, callback) {
    if (typeof chunk === "function") [chunk, encoding, callback] = [undefined, undefined, chunk];
    else if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
    if (isHtml && !this.headersSent) this.writeHead(this.statusCode);
    if (!noncer) return end.call(this, chunk, encoding, callback);
    const out = noncer.end((chunk == null ? "" : body.read(chunk, encoding).text) + body.rest());
    noncer = null;
    return end.call(this, out ? body.toChunk(out) : undefined, callback);
  };
}
