import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { securityHeaders } from "@/lib/security-headers";
import { planQrScan, replyHeaders, type HeaderReader } from "./scan-answer";
import { recordScan } from "./scan-recorder";

/**
 * `/q/CODE` answered before Next's router sees the request. A printed code in
 * a big advertisement brings bursts that a route handler can't take: even a
 * constant 302 from a Next route handler measured ~930 req/s with p99 120 ms
 * at 50 connections here, while this path does the same work (cached lookup,
 * cookies, scan queued for the batch writer) on Node's socket directly.
 *
 * The production server (scripts/server.mjs) asks `globalThis` for this
 * handler, which instrumentation.ts installs from inside Next's server bundle,
 * so it shares the database handle, the code cache and the scan queue with the
 * route handlers. Anything that is not a plain code (`/q`, `/q/a/b`, escapes,
 * POST) goes on to Next, whose route handlers answer the same way.
 */
export type QrFastPath = {
  matches(req: IncomingMessage): boolean;
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
};

const PLAIN_CODE = /^\/q\/([A-Za-z0-9]{1,32})\/?(?:\?[^#]*)?$/;

function nodeHeaders(req: IncomingMessage): HeaderReader {
  return {
    get(name: string) {
      const value = req.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

export function createQrFastPath(isProduction = process.env.NODE_ENV === "production"): QrFastPath {
  const fixedHeaders = Object.fromEntries(securityHeaders(isProduction).map(({ key, value }) => [key, value]));
  return {
    matches: (req) => (req.method === "GET" || req.method === "HEAD") && PLAIN_CODE.test(req.url ?? ""),
    async serve(req, res) {
      const rawCode = PLAIN_CODE.exec(req.url ?? "")?.[1] ?? "";
      const { reply, scan } = await planQrScan(nodeHeaders(req), rawCode);
      // Queued, not awaited: the batch writer stores it after the answer has gone.
      void recordScan(scan);
      const body = req.method === "HEAD" || reply.html === undefined ? undefined : Buffer.from(reply.html);
      res.writeHead(reply.status, {
        ...fixedHeaders,
        ...replyHeaders(reply),
        ...(reply.cookies.length > 0 && { "Set-Cookie": reply.cookies }),
        ...(body && { "Content-Length": body.length }),
      });
      res.end(body);
    },
  };
}

const store = globalThis as unknown as { __caixinQrFastPath?: QrFastPath };

export function installQrFastPath(): void {
  store.__caixinQrFastPath ??= createQrFastPath();
}
