/**
 * The access matrix: who may reach what. One row per route of the build (as
 * app-paths-manifest.json names it) and per server action (file#export). The
 * suite e2e/access-matrix.spec.ts is generated from these rows and fails for a
 * route or action of the build that has no row here (no decision), and for a
 * row the build no longer has (a stale table).
 *
 * Rules, per role (anonymous, member, lapsed, subscriber, editor, admin):
 * - public: everyone gets it; no gated text for those without access.
 * - signed-in: anyone signed in; anonymous visitors are sent to sign in (or refused).
 * - subscriber: subscribers and staff; anonymous, member and lapsed readers are refused, and get no gated bytes.
 * - staff: editors and admins; everyone else is sent away or refused.
 * - admin: admins only.
 * - nobody: refused to every role (it needs a secret, a signature, or exists only in development).
 * - self (actions only): acts on the caller's own session; anyone may call it.
 */
export const ROLES = ["anonymous", "member", "lapsed", "subscriber", "editor", "admin"] as const;
export type MatrixRole = (typeof ROLES)[number];
export type Rule = "public" | "signed-in" | "subscriber" | "staff" | "admin" | "nobody";

export const ROLE_EMAIL: Record<Exclude<MatrixRole, "anonymous">, string> = {
  member: "member@demo.test",
  lapsed: "lapsed@demo.test",
  subscriber: "subscriber@demo.test",
  editor: "editor@demo.test",
  admin: "admin@demo.test",
};

const ALLOWED: Record<Rule, readonly MatrixRole[]> = {
  public: ROLES,
  "signed-in": ["member", "lapsed", "subscriber", "editor", "admin"],
  subscriber: ["subscriber", "editor", "admin"],
  staff: ["editor", "admin"],
  admin: ["admin"],
  nobody: [],
};

export const isAllowed = (rule: Rule, role: MatrixRole): boolean => ALLOWED[rule].includes(role);
/** May this role read subscriber-only text (the rule of lib/access.ts canReadGated)? */
export const readsGated = (role: MatrixRole): boolean => ALLOWED.subscriber.includes(role);

/** Real demo values, found at run time (see the spec's discovery); unknown ids where that is the point. */
export type Demo = {
  date: string;
  month: string;
  issueNumber: number;
  aiArticleId: number;
  freeArticleId: number;
  /** A photo of the free front-page article, as /media/images/ID. */
  freeImageId: number;
  /** The admin id of the 2026-04-30 issue, and the free article's photo as the admin knows it. */
  issueId: number;
  photoId: number;
  previewImageId: number;
  qrId: number;
  qrCode: string;
  pauseId: number;
  readerId: string;
};

export const UNKNOWN_ID = 999_999;
export const UNKNOWN_TOKEN = "matrixUnknownToken0000000000000000000000";

export type RouteRow = {
  rule: Rule;
  /** The concrete address to request. */
  url: (d: Demo) => string;
  /** Route handlers that answer POST only are requested with POST (same-origin, no body). */
  method?: "GET" | "POST";
  /** Statuses that count as "allowed" for a role the rule admits (default: 200 for pages, 2xx for handlers; any 2xx/3xx for public pages). */
  allowStatus?: readonly number[];
  /** Allowed answers carry this content type (page images, PDFs, CSV). */
  contentType?: RegExp;
  /** The allowed answer must carry GATED_MARKER (the control that makes the "never for others" check real). */
  gated?: boolean;
  /** Staff content (the admin layout) must not be shown to the refused. */
  staffContent?: boolean;
  /** Expensive on first request (a PDF built now, then cached): the roles ask one after another. */
  heavy?: boolean;
  note?: string;
};

const page = (rule: Rule, url: RouteRow["url"], extra: Omit<RouteRow, "rule" | "url"> = {}): RouteRow => ({ rule, url, ...extra });
const handler = (rule: Rule, url: RouteRow["url"], extra: Omit<RouteRow, "rule" | "url"> = {}): RouteRow => ({ rule, url, method: "GET", ...extra });
const staffPage = (url: RouteRow["url"]) => page("staff", url, { staffContent: true });
const adminPage = (url: RouteRow["url"]) => page("admin", url, { staffContent: true });
/** Staff upload handlers, POSTed with no body: the allowed get past the role check to "send multipart" (415) or similar. */
const upload = (rule: Rule, url: RouteRow["url"], allowStatus: readonly number[] = [400, 404, 415]): RouteRow => ({ rule, url, method: "POST", allowStatus });

export const ROUTE_TABLE: Record<string, RouteRow> = {
  // Account area
  "/(account)/account/page": page("signed-in", () => "/account"),
  "/(account)/account/delivery/page": page("signed-in", () => "/account/delivery"),
  "/(account)/gift/page": page("signed-in", () => "/gift"),
  "/(account)/gift/claim/[token]/page": page("signed-in", () => `/gift/claim/${UNKNOWN_TOKEN}`, { allowStatus: [200, 404] }),
  "/(account)/gift/sent/[id]/page": page("signed-in", () => `/gift/sent/${UNKNOWN_ID}`, { allowStatus: [200, 404] }),
  "/(account)/invite/[token]/page": page("public", () => `/invite/${UNKNOWN_TOKEN}`, { allowStatus: [404] }),
  "/(account)/login/email/page": page("public", () => "/login/email"),
  "/(account)/login/page": page("public", () => "/login"),
  "/(account)/register/page": page("public", () => "/register"),
  "/(account)/reset-password/[token]/page": page("public", () => `/reset-password/${UNKNOWN_TOKEN}`, { allowStatus: [404] }),
  "/(account)/reset-password/page": page("public", () => "/reset-password"),
  "/(account)/subscribe/checkout/page": page("signed-in", () => "/subscribe/checkout?plan=digital-yearly", { allowStatus: [200, 307, 404] }),
  "/(account)/subscribe/page": page("public", () => "/subscribe"),
  "/(account)/subscribe/success/page": page("signed-in", () => "/subscribe/success?session_id=cs_matrix_unknown", { allowStatus: [200, 307, 404] }),
  "/(account)/verify-email/page": page("public", () => "/verify-email", { allowStatus: [404] }),

  // The paper
  "/(reader)/archive/page": page("public", () => "/archive"),
  "/(reader)/archive/[month]/page": page("public", (d) => `/archive/${d.month}`),
  "/(reader)/archive/jump/route": handler("public", (d) => `/archive/jump?no=${d.issueNumber}`, { allowStatus: [303] }),
  "/(reader)/articles/[id]/page": page("public", (d) => `/articles/${d.aiArticleId}`, { note: "the teaser page: gated text only ever comes from the body API" }),
  "/(reader)/articles/[id]/signed-in/page": page("public", (d) => `/articles/${d.aiArticleId}/signed-in`),
  "/(reader)/issues/[date]/page": page("public", (d) => `/issues/${d.date}`),
  "/(reader)/issues/[date]/pages/[n]/page": page("public", (d) => `/issues/${d.date}/pages/2`),
  "/(reader)/issues/[date]/pages/[n]/image/route": handler("subscriber", (d) => `/issues/${d.date}/pages/2/image`, { contentType: /^image\// }),
  "/(reader)/issues/[date]/pages/[n]/pdf/route": handler("subscriber", (d) => `/issues/${d.date}/pages/1/pdf`, { contentType: /^application\/pdf/, heavy: true }),
  "/(reader)/issues/[date]/pdf/route": handler("subscriber", (d) => `/issues/${d.date}/pdf`, { contentType: /^application\/pdf/, heavy: true }),
  "/(reader)/issues/no/[n]/page": page("public", (d) => `/issues/no/${d.issueNumber}`, { allowStatus: [200, 307, 308] }),
  "/(reader)/search/page": page("public", () => `/search?q=${encodeURIComponent("人工智能")}`),
  // Reached as "/", which the middleware rewrites to today's date in Shanghai.
  "/(reader)/today/[date]/page": page("public", () => "/"),
  "/_global-error/page": page("public", () => "/matrix-no-such-page", { allowStatus: [404], note: "not addressable; the friendly error pages answer unknown paths" }),
  "/_not-found/page": page("public", () => "/matrix-no-such-page", { allowStatus: [404] }),

  // Staff area: pages
  "/admin/page": staffPage(() => "/admin"),
  "/admin/audit/page": adminPage(() => "/admin/audit"),
  "/admin/delivery/page": staffPage(() => "/admin/delivery"),
  "/admin/issues/page": staffPage(() => "/admin/issues"),
  "/admin/issues/new/page": staffPage(() => "/admin/issues/new"),
  "/admin/issues/import/page": staffPage(() => "/admin/issues/import"),
  "/admin/issues/[id]/page": staffPage((d) => `/admin/issues/${d.issueId}`),
  "/admin/issues/[id]/articles/new/page": staffPage((d) => `/admin/issues/${d.issueId}/articles/new`),
  "/admin/issues/[id]/articles/[articleId]/page": staffPage((d) => `/admin/issues/${d.issueId}/articles/${d.aiArticleId}`),
  "/admin/issues/[id]/pages/[n]/zones/page": staffPage((d) => `/admin/issues/${d.issueId}/pages/2/zones`),
  "/admin/issues/[id]/preview/page": staffPage((d) => `/admin/issues/${d.issueId}/preview`),
  "/admin/issues/[id]/preview/pages/[n]/page": staffPage((d) => `/admin/issues/${d.issueId}/preview/pages/2`),
  "/admin/issues/[id]/preview/articles/[articleId]/page": staffPage((d) => `/admin/issues/${d.issueId}/preview/articles/${d.aiArticleId}`),
  "/admin/pauses/page": staffPage(() => "/admin/pauses"),
  "/admin/pauses/new/page": staffPage(() => "/admin/pauses/new"),
  "/admin/pauses/[id]/page": staffPage((d) => `/admin/pauses/${d.pauseId}`),
  "/admin/qr/page": staffPage(() => "/admin/qr"),
  "/admin/qr/new/page": staffPage(() => "/admin/qr/new"),
  "/admin/qr/campaigns/page": staffPage(() => "/admin/qr/campaigns"),
  "/admin/qr/[id]/page": staffPage((d) => `/admin/qr/${d.qrId}`),
  "/admin/schedule/page": staffPage(() => "/admin/schedule"),
  "/admin/readers/page": adminPage(() => "/admin/readers"),
  "/admin/readers/[id]/page": adminPage((d) => `/admin/readers/${d.readerId}`),
  "/admin/readers/import/page": adminPage(() => "/admin/readers/import"),
  "/admin/settings/page": adminPage(() => "/admin/settings"),
  "/admin/staff/page": adminPage(() => "/admin/staff"),

  // Staff area: route handlers
  "/admin/delivery/holds.csv/route": handler("staff", () => "/admin/delivery/holds.csv", { contentType: /^text\/csv/ }),
  "/admin/qr/export.csv/route": handler("staff", () => "/admin/qr/export.csv", { contentType: /^text\/csv/ }),
  "/admin/qr/[id]/download/route": handler("staff", (d) => `/admin/qr/${d.qrId}/download?format=svg`, { contentType: /^image\/svg\+xml/ }),
  "/admin/readers/export.csv/route": handler("admin", () => "/admin/readers/export.csv", { contentType: /^text\/csv/ }),
  "/admin/issues/[id]/pages/[n]/image/route": handler("staff", (d) => `/admin/issues/${d.issueId}/pages/2/image`, { contentType: /^image\// }),
  "/admin/issues/[id]/articles/[articleId]/photos/[photoId]/route": handler("staff", (d) => `/admin/issues/${d.issueId}/articles/${d.freeArticleId}/photos/${d.photoId}`, {
    contentType: /^image\//,
  }),
  "/admin/issues/[id]/preview/images/[imageId]/route": handler("staff", (d) => `/admin/issues/${d.issueId}/preview/images/${d.previewImageId}`, { contentType: /^image\// }),
  "/admin/issues/[id]/articles/[articleId]/photos/route": upload("staff", (d) => `/admin/issues/${d.issueId}/articles/${d.freeArticleId}/photos`),
  "/admin/issues/[id]/pages/[n]/upload/route": upload("staff", () => `/admin/issues/${UNKNOWN_ID}/pages/2/upload`),
  "/admin/issues/[id]/pages/upload/route": upload("staff", () => `/admin/issues/${UNKNOWN_ID}/pages/upload`),
  "/admin/issues/import/upload/route": upload("staff", () => "/admin/issues/import/upload"),
  "/admin/settings/logo/route": upload("admin", () => "/admin/settings/logo"),
  "/admin/readers/import/check/route": upload("admin", () => "/admin/readers/import/check", [303]),

  // APIs
  "/api/articles/[id]/body/route": handler("subscriber", (d) => `/api/articles/${d.aiArticleId}/body`, { gated: true, contentType: /^application\/json/ }),
  "/api/auth/[...nextauth]/route": handler("public", () => "/api/auth/session"),
  "/api/billing/checkout-status/route": handler("signed-in", () => "/api/billing/checkout-status?session_id=cs_matrix_unknown"),
  "/api/calendar/banner/route": handler("public", () => "/api/calendar/banner"),
  "/api/calendar/explain/route": handler("public", (d) => `/api/calendar/explain?path=${encodeURIComponent(`/issues/${d.date}`)}`),
  "/api/health/route": handler("public", () => "/api/health"),
  "/api/jobs/publish/route": { rule: "nobody", url: () => "/api/jobs/publish", method: "POST", note: "needs the job token" },
  "/api/internal/invalidate/route": { rule: "nobody", url: () => "/api/internal/invalidate", method: "POST", note: "needs the cluster token" },
  // The language switcher: anyone may set it. zh-CN, so the role's cookie jar keeps reading the default language.
  "/api/locale/route": handler("public", () => "/api/locale?to=zh-CN&next=/archive", { allowStatus: [303] }),
  "/api/me/route": handler("public", () => "/api/me"),
  "/api/reads/[id]/route": { rule: "public", url: (d) => `/api/reads/${d.aiArticleId}`, method: "POST", allowStatus: [204] },
  "/api/stripe/webhook/route": { rule: "nobody", url: () => "/api/stripe/webhook", method: "POST", note: "needs Stripe's signature" },

  // Feeds, files, share cards, QR codes
  "/calendar.ics/route": handler("public", () => "/calendar.ics"),
  "/feed.xml/route": handler("public", () => "/feed.xml"),
  "/robots.txt/route": handler("public", () => "/robots.txt"),
  "/sitemap.xml/route": handler("public", () => "/sitemap.xml"),
  "/media/images/[id]/route": handler("public", (d) => `/media/images/${d.freeImageId}`, { contentType: /^image\//, note: "a free article's photo; the seed has no photo of a subscriber-only article" }),
  "/media/logo/route": handler("public", () => "/media/logo", { allowStatus: [200, 404] }),
  "/og/articles/[id]/route": handler("public", (d) => `/og/articles/${d.aiArticleId}`, { contentType: /^image\// }),
  "/og/issues/[date]/route": handler("public", (d) => `/og/issues/${d.date}`, { contentType: /^image\// }),
  "/og/issues/[date]/pages/[n]/route": handler("public", (d) => `/og/issues/${d.date}/pages/2`, { contentType: /^image\// }),
  "/og/en/articles/[id]/route": handler("public", (d) => `/og/en/articles/${d.aiArticleId}`, { contentType: /^image\// }),
  "/og/en/issues/[date]/route": handler("public", (d) => `/og/en/issues/${d.date}`, { contentType: /^image\// }),
  "/og/en/issues/[date]/pages/[n]/route": handler("public", (d) => `/og/en/issues/${d.date}/pages/2`, { contentType: /^image\// }),
  "/q/route": handler("public", () => "/q", { allowStatus: [200, 404] }),
  "/q/[code]/route": handler("public", (d) => `/q/${d.qrCode}`, { allowStatus: [200, 302, 303, 307] }),
  "/q/[code]/[...rest]/route": handler("public", (d) => `/q/${d.qrCode}/extra`, { allowStatus: [200, 404] }),
  "/q/img/[code]/route": handler("public", (d) => `/q/img/${d.qrCode}`, { allowStatus: [200, 404] }),

  // Development only: the local outbox holds live sign-in codes; with SMTP set (as in these tests) it does not exist.
  "/dev/outbox/page": page("nobody", () => "/dev/outbox"),
};

export type ActionRule = Rule | "self";
export type ActionRow = {
  rule: ActionRule;
  /** Minimal fields that validation refuses, so an allowed call changes nothing. Default: none. */
  fields?: Record<string, string>;
  /**
   * How the allowed roles are exercised when no form can make the call harmless:
   * "copy" calls it from a copy of the role's session (signing out ends only that copy);
   * "throwaway" calls it as a brand-new reader (it would end the shared demo accounts' sessions);
   * "never" does not call it for the allowed roles (nothing in the form can refuse it; it would write).
   */
  allowedCall?: "copy" | "throwaway" | "never";
  why?: string;
};

const TOO_LONG = "x".repeat(1001);

export const ACTION_TABLE: Record<string, ActionRow> = {
  // Signing in, registering, resetting a password, accepting an invitation: anyone, validated.
  "app/(account)/login/actions.ts#signInWithPassword": { rule: "public" },
  "app/(account)/login/actions.ts#requestEmailSignIn": { rule: "public" },
  "app/(account)/login/actions.ts#signInWithEmailCode": { rule: "public" },
  "app/(account)/login/actions.ts#signInWithEmailLink": { rule: "public" },
  "app/(account)/register/actions.ts#register": { rule: "public" },
  "app/(account)/reset-password/actions.ts#requestPasswordReset": { rule: "public" },
  "app/(account)/reset-password/actions.ts#setNewPassword": { rule: "public" },
  "app/(account)/invite/actions.ts#acceptInvitationAction": { rule: "public" },

  // The reader's own account.
  "app/(account)/account/actions.ts#signOutAction": { rule: "self", allowedCall: "copy", why: "signing out clears the calling session's cookie" },
  "app/(account)/account/actions.ts#signOutEverywhereAction": {
    rule: "self",
    allowedCall: "throwaway",
    why: "it ends every session of the account, including other specs' sessions of the shared demo accounts",
  },
  "app/(account)/account/actions.ts#resendVerification": { rule: "signed-in", why: "demo accounts are verified: it answers without sending" },
  "app/(account)/account/billing-actions.ts#cancelSubscription": { rule: "signed-in", fields: { subscription: "x" } },
  "app/(account)/account/billing-actions.ts#resumeSubscription": { rule: "signed-in", fields: { subscription: "x" } },
  "app/(account)/account/billing-actions.ts#manageBilling": { rule: "signed-in", why: "demo accounts have no Stripe customer: it answers with an error" },
  "app/(account)/account/delivery/actions.ts#placeHoldAction": { rule: "signed-in" },
  "app/(account)/account/delivery/actions.ts#cancelHoldAction": { rule: "signed-in" },
  "app/(account)/account/pause-notice-actions.ts#savePauseNoticeOptIn": { rule: "signed-in", fields: { pauseNoticeOptIn: "x" } },
  "app/(account)/gift/actions.ts#buyGift": { rule: "signed-in" },
  "app/(account)/gift/actions.ts#sendGiftMail": { rule: "signed-in" },
  "app/(account)/gift/actions.ts#claimGiftAction": { rule: "signed-in" },
  "app/(account)/subscribe/actions.ts#beginCheckout": { rule: "signed-in" },

  // Editors and admins.
  "app/admin/issues/actions.ts#createIssueAction": { rule: "staff" },
  "app/admin/issues/actions.ts#publishIssueAction": { rule: "staff" },
  "app/admin/issues/actions.ts#unpublishIssueAction": { rule: "staff" },
  "app/admin/issues/actions.ts#scheduleIssueAction": { rule: "staff" },
  "app/admin/issues/[id]/articles/actions.ts#createArticleAction": { rule: "staff" },
  "app/admin/issues/[id]/articles/actions.ts#updateArticleAction": { rule: "staff" },
  "app/admin/issues/[id]/articles/actions.ts#moveArticleAction": { rule: "staff" },
  "app/admin/issues/[id]/articles/actions.ts#deleteArticleAction": { rule: "staff" },
  "app/admin/issues/[id]/articles/actions.ts#updatePhotoAction": { rule: "staff" },
  "app/admin/issues/[id]/articles/actions.ts#movePhotoAction": { rule: "staff" },
  "app/admin/issues/[id]/articles/actions.ts#deletePhotoAction": { rule: "staff" },
  "app/admin/issues/[id]/articles/actions.ts#previewBodyAction": { rule: "staff", why: "read-only: renders a body preview" },
  "app/admin/issues/[id]/pages/actions.ts#updatePageDetailsAction": { rule: "staff" },
  "app/admin/issues/[id]/pages/[n]/zones/actions.ts#saveHotZonesAction": { rule: "staff" },
  "app/admin/pauses/actions.ts#savePauseAction": { rule: "staff" },
  "app/admin/pauses/actions.ts#draftNoticeAction": { rule: "staff" },
  "app/admin/pauses/actions.ts#deletePauseAction": { rule: "staff" },
  "app/admin/pauses/actions.ts#attachPauseAction": { rule: "staff" },
  "app/admin/qr/actions.ts#createQrCodeAction": { rule: "staff" },
  "app/admin/qr/actions.ts#updateQrCodeAction": { rule: "staff" },
  "app/admin/qr/actions.ts#setQrCodeEnabledAction": { rule: "staff" },
  "app/admin/qr/actions.ts#deleteQrCodeAction": { rule: "staff" },
  "app/admin/qr/actions.ts#createCodesForIssueAction": { rule: "staff" },
  "app/admin/schedule/actions.ts#addScheduleChangeAction": { rule: "staff" },
  "app/admin/schedule/actions.ts#deleteScheduleChangeAction": { rule: "staff" },

  // Admins only.
  "app/admin/readers/actions.ts#grantCompAction": { rule: "admin" },
  "app/admin/readers/actions.ts#revokeCompAction": { rule: "admin" },
  "app/admin/readers/actions.ts#changeRoleAction": { rule: "admin" },
  "app/admin/readers/actions.ts#confirmImportAction": { rule: "admin" },
  "app/admin/settings/actions.ts#updatePublicationAction": { rule: "admin", fields: { name: TOO_LONG } },
  "app/admin/settings/actions.ts#updateMeteringAction": { rule: "admin", fields: { anonymousPerMonth: TOO_LONG } },
  "app/admin/settings/actions.ts#removeLogoAction": { rule: "admin", allowedCall: "never", why: "its form is empty, so nothing refuses it: an admin's call would remove the logo" },
  "app/admin/staff/actions.ts#inviteStaffAction": { rule: "admin" },
  "app/admin/staff/actions.ts#revokeInvitationAction": { rule: "admin" },
  "app/admin/staff/actions.ts#changeRoleAction": { rule: "admin" },
};

export const isActionAllowed = (rule: ActionRule, role: MatrixRole): boolean => (rule === "self" ? true : isAllowed(rule, role));

/** The header tricks repeated on the most sensitive deny cells. */
export const TRICKY_HEADERS: Record<string, Record<string, string>> = {
  "x-middleware-subrequest: middleware": { "x-middleware-subrequest": "middleware" },
  "x-middleware-subrequest: src/middleware×5": { "x-middleware-subrequest": "src/middleware:middleware:middleware:middleware:middleware" },
  "x-forwarded-host: evil.example": { "x-forwarded-host": "evil.example" },
  "x-forwarded-for: 127.0.0.1": { "x-forwarded-for": "127.0.0.1" },
  "x-real-ip: 127.0.0.1": { "x-real-ip": "127.0.0.1" },
};

/** Sensitive targets (rows of the tables above) for the header tricks. */
export const TRICK_ROUTES = [
  "/admin/page",
  "/admin/readers/page",
  "/admin/settings/page",
  "/admin/readers/export.csv/route",
  "/api/articles/[id]/body/route",
  "/(reader)/issues/[date]/pages/[n]/image/route",
  "/(reader)/issues/[date]/pages/[n]/pdf/route",
  "/(reader)/issues/[date]/pdf/route",
] as const;
export const TRICK_ACTIONS = ["app/admin/issues/actions.ts#publishIssueAction", "app/admin/settings/actions.ts#updatePublicationAction"] as const;
