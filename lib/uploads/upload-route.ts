import "server-only";
import { currentRole, getViewer } from "@/lib/access";
import { requestTranslator } from "@/lib/i18n/translate";
import { isStaff } from "@/lib/roles";

/**
 * The shared start of the staff upload route handlers: JSON answers in the
 * shape UploadWithProgress reads, and the access check every handler makes
 * itself (middleware only redirects, and is never the only check).
 */

export function uploadJson(body: { ok: true; message: string } | { error: string }, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export const uploadError = (status: number, error: string) => uploadJson({ error }, status);

/** A form posted from another site must not ride on a staff member's cookies. */
function isCrossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") === "cross-site";
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  const hosts = [request.headers.get("x-forwarded-host"), request.headers.get("host"), new URL(request.url).host].filter(Boolean);
  return !hosts.includes(originHost);
}

/** The signed-in staff member's id, or the response refusing the request. */
export async function staffUploader(request: Request): Promise<{ ok: true; userId: string } | { ok: false; response: Response }> {
  const t = await requestTranslator("adminIssues");
  if (isCrossSite(request)) return { ok: false, response: uploadError(403, t("uploads.crossSite")) };
  const viewer = await getViewer();
  if (!viewer) return { ok: false, response: uploadError(401, t("uploads.signIn")) };
  // The session's role may be stale (a demoted editor keeps their JWT): ask the database.
  if (!isStaff((await currentRole(viewer.id)) ?? undefined)) return { ok: false, response: uploadError(403, t("uploads.staffOnly")) };
  return { ok: true, userId: viewer.id };
}

/** HTTP status for a refusal from lib/pages-admin (and alike). */
export function statusFor(code: "forbidden" | "not-found" | "invalid" | "conflict" | "storage"): number {
  return { forbidden: 403, "not-found": 404, invalid: 400, conflict: 409, storage: 503 }[code];
}
