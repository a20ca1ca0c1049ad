import pino, { type LevelWithSilent, type Logger } from "pino";
import { createLogger, maskEmail, maskEmailsIn, requestContext, rootLogger, safeRequestId } from "./log-core.mjs";

/**
 * The app's logger: JSON lines on stdout (pino), level from LOG_LEVEL (default
 * info; silent under Vitest unless LOG_LEVEL is set). Secrets (passwords,
 * tokens, cookies, authorization and Stripe signature headers, card data, the
 * app's secret settings) are redacted at the top level, one level down and in
 * `headers`; `email`/`to` fields and addresses inside messages are masked. A
 * line written while scripts/server.mjs serves a request carries its
 * `requestId`, the one in the response's X-Request-Id header.
 *
 * Use a child per concern, and log errors as `{ err }` (the stack stays in the
 * log, never in a response):
 *
 *   const log = logger.child({ module: "billing" });
 *   log.error({ err: error, eventId }, "Stripe event failed");
 *
 * The rules live in lib/log-core.mjs, shared with scripts/server.mjs. Not
 * marked server-only, since scripts run with tsx (benches, jobs) import modules
 * that log; it is Node-only all the same (pino, AsyncLocalStorage), so client
 * components keep console.
 */
export const logger: Logger = rootLogger();

export { createLogger, maskEmail, maskEmailsIn, requestContext, safeRequestId };

/** The id of the request being served, if any (scripts/server.mjs sets it). */
export function currentRequestId(): string | undefined {
  return requestContext().getStore()?.requestId;
}

export type CapturedLogs = {
  /** Everything written, as written. */
  text(): string;
  /** One parsed JSON object per line. */
  lines(): Record<string, unknown>[];
  /** Back to the logger's own destination and level. */
  restore(): void;
};

/**
 * For tests: the app's log lines (from `logger` and every child of it, at
 * `level` and above) go to memory until restore(), so a test can read what
 * production would write. Children follow because pino children inherit the
 * root's destination and level (none of ours sets its own).
 */
export function captureLogs(level: LevelWithSilent = "info"): CapturedLogs {
  const root = logger as Logger & Record<symbol, unknown>;
  const { streamSym } = pino.symbols;
  const previous = { stream: root[streamSym], level: root.level };
  const chunks: string[] = [];
  root[streamSym] = { write: (chunk: string) => void chunks.push(chunk) };
  root.level = level;
  const text = () => chunks.join("");
  return {
    text,
    lines: () =>
      text()
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    restore() {
      root[streamSym] = previous.stream;
      root.level = previous.level;
    },
  };
}
