import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino from "pino";

/**
 * The one place for the logging rules, shared by the app (lib/log.ts, bundled
 * by Next) and the production server (scripts/server.mjs, plain Node): JSON
 * lines on stdout, secrets redacted, emails masked, and the id of the request
 * a line was written for.
 *
 * State that the bundle and server.mjs share lives on globalThis, since each
 * loads its own copy of this module: the request context (an AsyncLocalStorage
 * that server.mjs runs each request in) and the process's root logger.
 */

/** Keys (any case) whose values never reach a log line, at the top level and two levels down (headers included). */
export const SECRET_KEYS = [
  "password",
  "passwordHash",
  "newPassword",
  "currentPassword",
  "token",
  "accessToken",
  "refreshToken",
  "idToken",
  "sessionToken",
  "secret",
  "clientSecret",
  "apiKey",
  "authorization",
  "cookie",
  "cookies",
  "set-cookie",
  "stripe-signature",
  "stripeSignature",
  "signature",
  "card",
  "cardNumber",
  "cvc",
  "AUTH_SECRET",
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "S3_SECRET_ACCESS_KEY",
  "SMTP_URL",
  "DATABASE_URL",
  "REDIS_URL",
];

/** Keys whose values are masked with maskEmail rather than removed. */
const EMAIL_KEYS = ["email", "to", "recipient"];

const secretKeys = new Set(SECRET_KEYS.map((k) => k.toLowerCase()));
const emailKeys = new Set(EMAIL_KEYS);
export const REDACTED = "[Redacted]";

const EMAIL_RE = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[^\s@<>"'(),;:]+/g;

/** "reader@example.com" → "r***@example.com": enough to tell accounts apart in a log, not to write to them. */
export function maskEmail(email) {
  if (typeof email !== "string") return "[Redacted]";
  const at = email.lastIndexOf("@");
  if (at < 1) return email.includes("@") ? "***" + email.slice(at) : email;
  return `${email[0]}***${email.slice(at)}`;
}

/** Masks every email address inside a free text (a message, an error from an SMTP server). */
export function maskEmailsIn(text) {
  return typeof text === "string" && text.includes("@") ? text.replace(EMAIL_RE, maskEmail) : text;
}

/** What a field's value becomes in a log line: removed if secret, masked if an email, else itself. */
function censored(name, value) {
  const lower = name.toLowerCase();
  if (secretKeys.has(lower)) return REDACTED;
  if (emailKeys.has(lower)) return typeof value === "string" ? maskEmail(value) : value;
  return undefined;
}

/**
 * Redaction of a log line's fields, at the top level and two levels down (so
 * `user.password` and `req.headers.cookie` both go), and emails masked in any
 * text there (a subject, a path). The caller's object is
 * never changed: what needs changing is copied. Plain key look-ups, so a line
 * costs a few hundred nanoseconds more, where pino's wildcard `redact` paths
 * cost a hundred microseconds (measured): the access log writes one per request.
 */
export function redact(object, depth = 0) {
  let out = object;
  for (const name in object) {
    const value = object[name];
    let next = censored(name, value);
    if (next === undefined) {
      if (typeof value === "string") {
        if (!value.includes("@")) continue;
        next = maskEmailsIn(value);
      } else if (depth < 2 && value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Error)) {
        next = redact(value, depth + 1);
      }
      if (next === undefined || next === value) continue;
    }
    if (out === object) out = { ...object };
    out[name] = next;
  }
  return out;
}

/** Query parameters in an error (drizzle's "Failed query: …\nparams: …", postgres' `parameters`) may hold emails or password hashes. */
const QUERY_PARAMS = /\nparams: (?!\[Redacted\])[\s\S]*?(?=\n\s+at |\ncaused by: |$)/g;
const ERROR_SECRET_KEYS = new Set(["params", "parameters"]);

function scrubErrorText(text) {
  return maskEmailsIn(text.includes("\nparams: ") ? text.replace(QUERY_PARAMS, "\nparams: " + REDACTED) : text);
}

/** The error as pino should see it: drizzle's message and stack without the "params: …" tail (its cause's message stays). */
function withoutQueryParams(error) {
  if (!(error instanceof Error) || typeof error.message !== "string" || !error.message.includes("\nparams: ")) return error;
  const message = error.message.replace(/\nparams: [\s\S]*$/, "\nparams: " + REDACTED);
  const view = Object.create(error);
  Object.defineProperty(view, "message", { value: message });
  if (typeof error.stack === "string") Object.defineProperty(view, "stack", { value: error.stack.replace(error.message, message) });
  return view;
}

/** Error serializer: pino's own (type, message, stack, causes), with query parameters dropped and emails masked. */
function serializeError(error) {
  const out = pino.stdSerializers.err(withoutQueryParams(error));
  if (!out || typeof out !== "object") return out;
  for (const [name, value] of Object.entries(out)) {
    if (ERROR_SECRET_KEYS.has(name)) out[name] = REDACTED;
    else if (typeof value === "string") out[name] = scrubErrorText(value);
    else {
      const next = censored(name, value);
      if (next !== undefined) out[name] = next;
    }
  }
  return out;
}

const globals = /** @type {{ __caixinRequestContext?: AsyncLocalStorage<{ requestId: string }>, __caixinLogger?: import("pino").Logger }} */ (globalThis);

/** The per-request context, `{ requestId }`, that scripts/server.mjs runs each request in. */
export function requestContext() {
  return (globals.__caixinRequestContext ??= new AsyncLocalStorage());
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** An incoming X-Request-Id is kept only if it looks like one (as nginx's $request_id would); otherwise null. */
export function safeRequestId(value) {
  const id = Array.isArray(value) ? value[0] : value;
  return typeof id === "string" && SAFE_REQUEST_ID.test(id) ? id : null;
}

/** The id a request is logged under: the proxy's, when safe, or a new one. */
export function requestIdFor(incoming) {
  return safeRequestId(incoming) ?? randomUUID();
}

/** Path segments that are bearer tokens (invitation, password reset, gift claim links): never logged. */
const TOKEN_PATH = /^(\/(?:invite|reset-password|gift\/claim)\/)[^/]+/;
const MAX_PATH = 512;

/** The path of a request URL as an access log shows it: no query string (it may carry tokens), no token segments. */
export function loggedPath(url) {
  if (typeof url !== "string") return "";
  const q = url.indexOf("?");
  let path = q === -1 ? url : url.slice(0, q);
  if (path.length > MAX_PATH) path = path.slice(0, MAX_PATH) + "…";
  return maskEmailsIn(path.replace(TOKEN_PATH, "$1[Redacted]"));
}

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/** LOG_LEVEL, else info; silent under Vitest unless LOG_LEVEL is set. */
export function levelFromEnv(env = process.env) {
  const wanted = env.LOG_LEVEL?.trim().toLowerCase();
  if (wanted && LEVELS.has(wanted)) return wanted;
  return env.VITEST && !wanted ? "silent" : "info";
}

function mixin() {
  const store = globals.__caixinRequestContext?.getStore();
  return store?.requestId ? { requestId: store.requestId } : {};
}

/**
 * Where lines go by default: warnings and errors to stderr (written at once,
 * as console.error did, so a crash or a test runner that shows only stderr
 * still has them), everything else to stdout, written asynchronously and
 * flushed when the process exits.
 */
function standardStreams() {
  return pino.multistream(
    [
      { level: "trace", stream: pino.destination({ dest: 1, sync: false }) },
      { level: "warn", stream: pino.destination({ dest: 2, sync: true }) },
    ],
    { dedupe: true },
  );
}

/** A logger with the app's rules, writing to `destination` (tests pass a stream) or to stdout/stderr. */
export function createLogger({ destination, level = levelFromEnv(), base } = {}) {
  return pino(
    {
      level,
      base: base ?? { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), bindings: redact, log: redact },
      serializers: { err: serializeError, error: serializeError },
      mixin,
      hooks: {
        // Emails inside messages ("could not mail reader@example.com") are masked too.
        logMethod(args, method) {
          for (let i = 0; i < args.length; i++) if (typeof args[i] === "string") args[i] = maskEmailsIn(args[i]);
          return method.apply(this, args);
        },
      },
    },
    destination ?? standardStreams(),
  );
}

/** The process's one root logger, shared by the bundle and server.mjs. */
export function rootLogger() {
  return (globals.__caixinLogger ??= createLogger());
}
