import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { LOCALE_COOKIE } from "./lib/i18n/config";
import { fileRouteHeaders, securityHeaders } from "./lib/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Auth.js session cookie names: plain on http, __Secure- on https, .0 when chunked.
// qr_unlocks: an anonymous reader who scanned an article's printed code (lib/qr/unlock.ts) needs the variant that fetches the body.
const signedInVariantCookies = ["authjs.session-token", "__Secure-authjs.session-token", "authjs.session-token.0", "__Secure-authjs.session-token.0", "qr_unlocks"];

// Middleware runs on /admin, and Next buffers the body of every request it sees, silently cutting it at 10 MB
// unless told otherwise: allow the largest upload (UPLOAD_MAX_BYTES, default 50 MB) plus the multipart framing.
const uploadMaxBytes = Number(process.env.UPLOAD_MAX_BYTES) || 50 * 1024 * 1024;

// Every page lives under app/[locale]; these paths are not pages and keep their own URLs.
const notPages = "(?!(?:zh-CN|en|api|_next|q|media|og)(?:/|$))(?![^/]+\\.[a-z]+$)";
const english = { type: "cookie" as const, key: LOCALE_COOKIE, value: "en" };

const nextConfig: NextConfig = {
  // PGlite and mupdf ship WASM and data files that must be loaded from node_modules at run time;
  // rate-limiter-flexible loads drizzle-orm with a computed import() the bundler cannot follow.
  serverExternalPackages: ["@electric-sql/pglite", "rate-limiter-flexible", "mupdf"],
  // The test suite builds into its own folder so it never clobbers the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // A self-contained folder (.next/standalone) to copy to each app server of a cluster: the traced
  // node_modules, the build, and our production server (scripts/server.mjs) with the plain modules it loads.
  output: "standalone",
  outputFileTracingIncludes: { "/*": ["./scripts/server.mjs", "./lib/*.mjs"] },
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: { proxyClientMaxBodySize: uploadMaxBytes + 1024 * 1024 },

  async headers() {
    // Later rules win over earlier ones for the same header: the files' sandbox policy over the site's.
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV === "production") }, ...fileRouteHeaders()];
  },

  // The reader's language (a cookie set by /api/locale) picks app/[locale]'s variant of every page, so each
  // language has its own cached copy and the URL stays the same. Anonymous readers share one cached teaser
  // page of an article; signed-in readers get another cached variant that fetches the rest from an
  // access-checked API. Neither holds gated text. Routing by cookie here costs nothing per request, unlike
  // middleware. The first rule that matches wins: each rule names its language outright.
  async rewrites() {
    const signedIn = signedInVariantCookies.flatMap((key) => [
      { source: "/articles/:id(\\d{1,10})", has: [{ type: "cookie" as const, key }, english], destination: "/en/articles/:id/signed-in" },
      { source: "/articles/:id(\\d{1,10})", has: [{ type: "cookie" as const, key }], destination: "/zh-CN/articles/:id/signed-in" },
    ]);
    return {
      beforeFiles: [
        ...signedIn,
        { source: `/:path(${notPages}.+)`, has: [english], destination: "/en/:path" },
        { source: `/:path(${notPages}.+)`, destination: "/zh-CN/:path" },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
};

export default withNextIntl(nextConfig);
