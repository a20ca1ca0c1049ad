/**
 * Security headers for every response, applied by next.config.ts's headers():
 * static rules there cost nothing per request, unlike running middleware.
 *
 * In production this static policy runs no inline script at all. Pages are
 * served by scripts/server.mjs, which replaces it on every HTML answer with the
 * same policy whose script-src is 'self' plus a nonce new for that answer, and
 * gives that nonce to Next's own scripts, cached (ISR) pages included
 * (lib/csp-nonce.mjs). One policy per page, then: two would both be enforced.
 * Anything else that serves HTML without server.mjs (`next start`, the /q/ fast
 * path's script-free pages) gets no inline script. `next dev` keeps inline and
 * eval for its own tooling.
 */
export function securityHeaders(isProduction: boolean): { key: string; value: string }[] {
  const contentSecurityPolicy = [
    "default-src 'self'",
    isProduction ? "script-src 'self'" : "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ...(isProduction ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}

/**
 * Images (uploads, page images, photos, the logo, QR codes, share cards) are never run as
 * pages: even an SVG or a mislabelled upload opened directly gets no script,
 * no plugin and a sandbox. Route handlers set it themselves
 * (lib/file-response.ts), but Next lets a headers() rule win over a handler's
 * own header, so next.config.ts applies it again, after the site rule, on the
 * routes below (the access-matrix e2e test checks every image answer for it).
 * PDFs and exports are our own output and always downloads (attachment).
 */
export const FILE_CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

const fileRoutes = [
  "/media/:path*",
  "/q/img/:path*",
  "/og/:path*",
  "/issues/:date/pages/:n/image",
  "/admin/issues/:id/articles/:articleId/photos/:photoId",
  "/admin/issues/:id/pages/:n/image",
  "/admin/issues/:id/preview/images/:imageId",
  "/admin/qr/:id/download",
];

/** The file routes as headers() rules, with and without the language prefix the rewrites add. */
export function fileRouteHeaders(): { source: string; headers: { key: string; value: string }[] }[] {
  const headers = [{ key: "Content-Security-Policy", value: FILE_CONTENT_SECURITY_POLICY }];
  return fileRoutes.flatMap((route) => [route, `/:locale(zh-CN|en)${route}`]).map((source) => ({ source, headers }));
}
