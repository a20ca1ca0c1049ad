import type { Logger } from "pino";
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
