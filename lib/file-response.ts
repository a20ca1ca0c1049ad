import "server-only";
import { canReadGated, getViewer } from "@/lib/access";
import { FILE_CONTENT_SECURITY_POLICY } from "@/lib/security-headers";
import { getObject } from "@/lib/storage";

/**
 * A stored file as an HTTP response. Files we serve are never run as pages:
 * nosniff plus a sandboxing CSP keep an SVG or a mislabelled upload inert even
 * when opened directly. Gated files are cached only by the reader's browser.
 */
export function fileResponse(object: { body: Buffer; contentType: string }, options: { shared: boolean }): Response {
  return new Response(new Uint8Array(object.body), {
    headers: {
      "Content-Type": object.contentType,
      "Content-Length": String(object.body.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": FILE_CONTENT_SECURITY_POLICY,
      "Cache-Control": options.shared ? "public, max-age=300, stale-while-revalidate=3600" : "private, max-age=300",
      Vary: "Cookie",
    },
  });
}

export const deny = (status: 401 | 403 | 404, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * Serves a stored file that is either public or for readers with access: the
 * one access path for page images and photos (and, later, PDFs).
 */
export async function gatedFile(fileKey: string, isPublic: boolean, notFound: string): Promise<Response> {
  if (!isPublic) {
    const viewer = await getViewer();
    if (!viewer) return deny(401, "请先登录 Sign in to view this file");
    if (!(await canReadGated(viewer))) return deny(403, "仅供订阅用户查看 Subscribers only");
  }
  const file = await getObject(fileKey);
  return file ? fileResponse(file, { shared: isPublic }) : deny(404, notFound);
}
