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
