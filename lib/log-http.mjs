import { loggedPath, requestContext, requestIdFor, rootLogger } from "./log-core.mjs";

/**
 * What scripts/server.mjs does around every request: give it an id (the
 * proxy's X-Request-Id when it is a safe one, else a new UUID), send that id
 * back in X-Request-Id, run the handler inside the request context so every
 * log line written for it carries `requestId`, and write one access line when
 * the response ends (method, path without query string, status, duration).
 *
 * `access: false` (LOG_ACCESS=0) drops the access line, not the id.
 */
export function requestLogging({ logger = rootLogger().child({ module: "http" }), access = process.env.LOG_ACCESS !== "0" } = {}) {
  const context = requestContext();
  return function serve(req, res, handler) {
    const requestId = requestIdFor(req.headers["x-request-id"]);
    // Next's handlers see the same id (headers().get("x-request-id")).
    req.headers["x-request-id"] = requestId;
    res.setHeader("X-Request-Id", requestId);
    if (access) {
      const start = performance.now();
      res.once("close", () => {
        const line = {
          requestId,
          method: req.method,
          path: loggedPath(req.url),
          status: res.statusCode,
          ms: Math.round((performance.now() - start) * 10) / 10,
        };
        if (!res.writableFinished) line.aborted = true;
        logger.info(line, "request");
      });
    }
    context.run({ requestId }, handler);
  };
}
