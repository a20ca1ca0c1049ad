import http from "node:http";
import { handleApi } from "./api";
import { handleControl, type StripeDoubleControl } from "./control";
import { ApiError, unauthorized } from "./errors";
import { FormError, parseForm, type FormObject } from "./form";
import { handleHosted } from "./hosted";
import { newId, type Ctx } from "./store";
import { API_VERSION } from "./webhooks";

const MAX_BODY = 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new ApiError(413, "Request body too large."));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: http.ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, { "content-length": String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const JSON_TYPE = { "content-type": "application/json; charset=utf-8" };

/** The API key from `Authorization: Bearer sk_…` (or Basic auth with the key as user name, as curl -u sends). */
function apiKeyOf(header: string | undefined): string | null {
  if (!header) return null;
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) return bearer[1] as string;
  const basic = /^Basic\s+(\S+)$/i.exec(header);
  if (basic) return Buffer.from(basic[1] as string, "base64").toString("utf8").split(":")[0] || null;
  return null;
}

const mask = (key: string) => (key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(key.length - 12)}${key.slice(-4)}` : "****");

function apiRequest(ctx: Ctx, apiKey: string | undefined, req: http.IncomingMessage, url: URL, raw: string): { status: number; body: string; headers: Record<string, string> } {
  const method = req.method ?? "GET";
  const headers: Record<string, string> = { ...JSON_TYPE, "request-id": newId("req", 14), "stripe-version": String(req.headers["stripe-version"] ?? API_VERSION) };
  const key = apiKeyOf(req.headers.authorization);
  const idempotencyKey = method === "POST" ? (req.headers["idempotency-key"] as string | undefined) : undefined;
  const fingerprint = `${method} ${url.pathname} ${raw}`;
  const slot = key && idempotencyKey ? `${key}\n${idempotencyKey}` : null;
  try {
    if (!key) throw unauthorized("You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
    if (apiKey !== undefined && key !== apiKey) throw unauthorized(`Invalid API Key provided: ${mask(key)}`);
    if (idempotencyKey !== undefined && idempotencyKey.length > 255) throw new ApiError(400, "Idempotency keys can be at most 255 characters long.", "idempotency_error");
    const prior = slot ? ctx.store.idempotency.get(slot) : undefined;
    if (prior) {
      if (prior.fingerprint !== fingerprint) {
        throw new ApiError(400, `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`, "idempotency_error");
      }
      return { status: prior.status, body: prior.body, headers: { ...headers, "idempotent-replayed": "true", "idempotency-key": idempotencyKey as string } };
    }
    let params: FormObject;
    try {
      params = method === "GET" || method === "DELETE" ? parseForm(url.search) : parseForm(raw);
    } catch (error) {
      if (error instanceof FormError) throw new ApiError(400, error.message, "invalid_request_error", undefined, error.param);
      throw error;
    }
    const result = { status: 200, body: json(handleApi(ctx, method, url.pathname, params)) };
    if (slot) ctx.store.idempotency.set(slot, { fingerprint, ...result });
    return { ...result, headers: { ...headers, ...(idempotencyKey && { "idempotency-key": idempotencyKey }) } };
  } catch (error) {
    const apiError = error instanceof ApiError ? error : new ApiError(500, `Stripe test double failed: ${error instanceof Error ? error.stack : String(error)}`, "api_error");
    const result = { status: apiError.status, body: json(apiError.toJSON()) };
    // Stripe replays 4xx results for a reused key too (but not auth failures or 5xx).
    if (slot && apiError.status >= 400 && apiError.status < 500 && apiError.status !== 401 && apiError.type !== "idempotency_error") {
      ctx.store.idempotency.set(slot, { fingerprint, ...result });
    }
    return { ...result, headers };
  }
}

export function createServer(ctx: Ctx, control: StripeDoubleControl, options: { apiKey?: string }): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://double.invalid");
    const method = req.method ?? "GET";
    const record = (status: number) => ctx.store.requests.push({ method, path: url.pathname, status, at: new Date().toISOString() });
    readBody(req)
      .then(async (raw) => {
        if (url.pathname.startsWith("/v1/")) {
          const out = apiRequest(ctx, options.apiKey, req, url, raw);
          record(out.status);
          return send(res, out.status, out.body, out.headers);
        }
        if (url.pathname.startsWith("/_double/")) {
          try {
            const body = raw.trim() ? (JSON.parse(raw) as Record<string, unknown>) : {};
            return send(res, 200, json(await handleControl(control, method, url.pathname, url.searchParams, body)), JSON_TYPE);
          } catch (error) {
            const e = error instanceof ApiError ? error : new ApiError(error instanceof SyntaxError ? 400 : 500, error instanceof Error ? error.message : String(error));
            return send(res, e.status, json(e.toJSON()), JSON_TYPE);
          }
        }
        const form = /application\/x-www-form-urlencoded/.test(req.headers["content-type"] ?? "") ? parseForm(raw) : {};
        const hosted = await handleHosted(ctx, method, url.pathname, form);
        if (hosted) {
          record(hosted.status);
          const headers: Record<string, string> = hosted.location ? { location: hosted.location } : { "content-type": "text/html; charset=utf-8" };
          return send(res, hosted.status, hosted.body, { ...headers, "cache-control": "no-store" });
        }
        if (url.pathname === "/" && method === "GET") return send(res, 200, "Stripe test double\n", { "content-type": "text/plain; charset=utf-8" });
        return send(res, 404, json(new ApiError(404, `Unrecognized request URL (${method}: ${url.pathname}).`).toJSON()), JSON_TYPE);
      })
      .catch((error: unknown) => {
        const e = error instanceof ApiError ? error : new ApiError(500, error instanceof Error ? error.message : String(error), "api_error");
        if (!res.headersSent) send(res, e.status, json(e.toJSON()), JSON_TYPE);
        else res.destroy();
      });
  });
}
