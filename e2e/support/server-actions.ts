import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";

/**
 * Server actions as the built app knows them: id, source file, export name and
 * the pages that carry them, read from the build's server-reference manifest.
 * Tests use it to call an action the way a browser would (a POST with a
 * Next-Action header), without any UI, so a hidden button is no protection.
 */
export type ServerAction = { id: string; filename: string; exportedName: string; pagePath: string };

type Manifest = { node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }> };

const distDir = () => path.resolve(process.env.NEXT_DIST_DIR ?? ".next");

/**
 * Every page lives under app/[locale] (the reader's language picks the folder by
 * cookie); tests name files and routes as the reader sees them, without it.
 */
const withoutLocale = (p: string): string => p.replace(/^app\/\[locale\]\//, "app/").replace(/^\/\[locale\](?=\/|$)/, "") || "/";

/** "app/admin/issues/[id]/page" → "/admin/issues/1": route groups dropped, dynamic segments filled with 1. */
export function workerToPath(worker: string): string {
  const segments = withoutLocale(worker)
    .replace(/^app\//, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => (/^\[.*\]$/.test(s) ? "1" : s));
  return `/${segments.join("/")}`.replace(/\/$/, "") || "/";
}

export function serverActions(): ServerAction[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir(), "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((w) => w.endsWith("/page")) ?? Object.keys(entry.workers)[0]!;
    return { id, filename: withoutLocale(entry.filename ?? "?"), exportedName: entry.exportedName ?? "?", pagePath: workerToPath(worker) };
  });
}

/** App routes (pages and route handlers) from the build, e.g. "/admin/issues/[id]/page". */
export function appRoutes(): string[] {
  const routes = Object.keys(JSON.parse(readFileSync(path.join(distDir(), "server", "app-paths-manifest.json"), "utf8")) as Record<string, string>);
  // The catch-all that answers unknown addresses with the not-found page is not a route of its own.
  return [...new Set(routes.map(withoutLocale))].filter((r) => r !== "/[...rest]/page");
}

/**
 * Calls an action as React's client does for `useActionState(action)`:
 * arguments [previousState, formData] encoded as a reply (root "0", the form's
 * fields prefixed with its reference id). `headers` adds request headers (say, spoofed proxy headers).
 */
export async function invokeAction(
  request: APIRequestContext,
  action: ServerAction,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<{ response: APIResponse; text: string }> {
  const multipart: Record<string, string> = { "0": JSON.stringify([{}, "$K1"]) };
  for (const [key, value] of Object.entries(fields)) multipart[`1_${key}`] = value;
  const response = await request.post(action.pagePath, {
    headers: { ...headers, "Next-Action": action.id, Accept: "text/x-component" },
    multipart,
    maxRedirects: 0,
  });
  return { response, text: await response.text() };
}
