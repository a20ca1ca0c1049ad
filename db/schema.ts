import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { AdapterAccountType } from "next-auth/adapters";
import type { Locale } from "../lib/i18n/config";

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const created = () => timestamptz("created_at").notNull().defaultNow();

export const roleEnum = pgEnum("role", ["member", "editor", "admin"]);
export const issueStatusEnum = pgEnum("issue_status", ["draft", "scheduled", "published"]);
export const accessLevelEnum = pgEnum("access_level", ["free", "subscribers"]);
export const accessSourceEnum = pgEnum("access_source", ["subscription", "prepaid", "gift", "comp"]);
export const tokenPurposeEnum = pgEnum("token_purpose", ["login", "reset_password", "verify_email"]);

/** The paper itself: one row, edited by admins. */
export const publication = pgTable("publication", {
  id: smallint("id").primaryKey().default(1),
  name: text("name").notNull(),
  slogan: text("slogan").notNull(),
  cnNumber: text("cn_number").notNull(),
  sponsor: text("sponsor").notNull(),
  publisher: text("publisher").notNull(),
  hotline: text("hotline").notNull(),
  /** Storage key of the paper's logo (uploaded by an admin); null = the drawn masthead. */
  logoKey: text("logo_key"),
  timeZone: text("time_zone").notNull().default("Asia/Shanghai"),
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: integer("weekdays").array().notNull(),
  /** Delivery holds (vacation stops) need this many publication days of notice. */
  holdLeadPublicationDays: smallint("hold_lead_publication_days").notNull().default(2),
  /** At most this many weeks' worth of publication days on hold per reader and calendar year. */
  holdMaxWeeksPerYear: smallint("hold_max_weeks_per_year").notNull().default(5),
  /** Metering (lib/metering.ts): subscriber-only articles an anonymous device may read per month in full; 0 = off. */
  meterAnonymousPerMonth: smallint("meter_anonymous_per_month").notNull().default(0),
  /** Likewise for a signed-in member without a subscription, counted on the server (metered_reads); 0 = off. */
  meterMemberPerMonth: smallint("meter_member_per_month").notNull().default(0),
  updatedAt: timestamptz("updated_at").notNull().defaultNow(),
});

export const issues = pgTable("issues", {
  id: serial("id").primaryKey(),
  /** Publication date in the paper's time zone. */
  date: date("date", { mode: "string" }).notNull().unique(),
  number: integer("number").notNull().unique(),
  pageCount: smallint("page_count").notNull(),
  status: issueStatusEnum("status").notNull().default("draft"),
  publishAt: timestamptz("publish_at"),
  publishedAt: timestamptz("published_at"),
  createdAt: created(),
});

export const pages = pgTable(
  "pages",
  {
    id: serial("id").primaryKey(),
    issueId: integer("issue_id").notNull().references(() => issues.id, { onDelete: "cascade" }),
    number: smallint("number").notNull(),
    name: text("name").notNull(),
    editor: text("editor"),
    /** Storage key of the page image; width/height give its aspect ratio. */
    imageKey: text("image_key"),
    imageWidth: integer("image_width"),
    imageHeight: integer("image_height"),
    pdfKey: text("pdf_key"),
    /** Narrow rendition of the page image (phones, thumbnails); the full one is `imageKey`. */
    thumbKey: text("thumb_key"),
    thumbWidth: integer("thumb_width"),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("pages_issue_number").on(t.issueId, t.number)],
);

/** A polygon in page-relative coordinates: each point is [x, y] with 0 ≤ x, y ≤ 1. */
export type HotZone = { points: [number, number][] };

export const articles = pgTable(
  "articles",
  {
    id: serial("id").primaryKey(),
    issueId: integer("issue_id").notNull().references(() => issues.id, { onDelete: "cascade" }),
    pageId: integer("page_id").notNull().references(() => pages.id, { onDelete: "cascade" }),
    column: text("column"),
    kicker: text("kicker"),
    title: text("title").notNull(),
    subtitle: text("subtitle"),
    byline: text("byline"),
    source: text("source"),
    /** Plain paragraphs separated by blank lines. */
    body: text("body").notNull(),
    access: accessLevelEnum("access").notNull().default("subscribers"),
    position: smallint("position").notNull().default(0),
    hotZones: jsonb("hot_zones").$type<HotZone[]>().notNull().default([]),
    /** Marks demo filler so nobody mistakes it for reporting. */
    isSample: boolean("is_sample").notNull().default(false),
    createdAt: created(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [index("articles_page").on(t.pageId, t.position), index("articles_issue").on(t.issueId)],
);

export const images = pgTable(
  "images",
  {
    id: serial("id").primaryKey(),
    articleId: integer("article_id").references(() => articles.id, { onDelete: "cascade" }),
    fileKey: text("file_key").notNull(),
    width: integer("width"),
    height: integer("height"),
    caption: text("caption"),
    credit: text("credit"),
    position: smallint("position").notNull().default(0),
  },
  (t) => [index("images_article").on(t.articleId)],
);

/** Dated schedule changes: from `effectiveFrom` on, the paper appears on `weekdays`; earlier days keep the old schedule. */
export const scheduleChanges = pgTable("schedule_changes", {
  id: serial("id").primaryKey(),
  effectiveFrom: date("effective_from", { mode: "string" }).notNull().unique(),
  weekdays: integer("weekdays").array().notNull(),
  createdAt: created(),
});

export const pauses = pgTable("pauses", {
  id: serial("id").primaryKey(),
  startsOn: date("starts_on", { mode: "string" }).notNull(),
  endsOn: date("ends_on", { mode: "string" }).notNull(),
  reason: text("reason").notNull(),
  basis: text("basis"),
  noticeText: text("notice_text"),
  /** From this day the site-wide banner runs and opted-in readers are mailed; null = 7 days before the start. */
  announceOn: date("announce_on", { mode: "string" }),
  /** The printed 休刊公告 article this pause was attached to, if any. */
  articleId: integer("article_id").references(() => articles.id, { onDelete: "set null" }),
  createdAt: created(),
  updatedAt: timestamptz("updated_at").notNull().defaultNow(),
});

// ── Accounts: Auth.js adapter tables, extended with role and password ──

export const users = pgTable("users", {
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").notNull().unique(),
  emailVerified: timestamptz("email_verified"),
  image: text("image"),
  role: roleEnum("role").notNull().default("member"),
  passwordHash: text("password_hash"),
  /** Carried in each session's JWT at sign-in; raising it ends every session issued before (password change, "sign out everywhere"). */
  sessionVersion: integer("session_version").notNull().default(0),
  /** Opted in to a mail when a 休刊 is announced. */
  pauseNoticeOptIn: boolean("pause_notice_opt_in").notNull().default(false),
  /**
   * The language mails go out in when no request says otherwise (billing, reminders, 休刊 notices):
   * set at registration and whenever the signed-in reader switches language. Read through localeOr.
   */
  locale: text("locale").$type<Locale>().notNull().default("zh-CN"),
  createdAt: created(),
});

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<AdapterAccountType>().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  expires: timestamptz("expires").notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamptz("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** Single-use mailed secrets: sign-in link + code, password reset, email verification. Only hashes are stored. */
export const authTokens = pgTable(
  "auth_tokens",
  {
    id: serial("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    purpose: tokenPurposeEnum("purpose").notNull(),
    linkHash: text("link_hash").notNull().unique(),
    codeHash: text("code_hash"),
    failedAttempts: smallint("failed_attempts").notNull().default(0),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
    createdAt: created(),
  },
  (t) => [index("auth_tokens_user").on(t.userId, t.purpose)],
);

/**
 * Access windows: the one source of "is a subscriber". A reader has access at
 * time T when some window has startsAt ≤ T and (endsAt is null or T < endsAt).
 */
export const accessWindows = pgTable(
  "access_windows",
  {
    id: serial("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    startsAt: timestamptz("starts_at").notNull(),
    endsAt: timestamptz("ends_at"),
    source: accessSourceEnum("source").notNull(),
    /** External reference: a Stripe subscription or payment id, a gift code, a staff note. */
    reference: text("reference"),
    createdAt: created(),
  },
  (t) => [index("access_windows_user").on(t.userId, t.startsAt)],
);

/** Counters for rate-limiter-flexible's Drizzle store, shared by every app instance. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamptz("expire"),
});

/** Mail kept locally when no SMTP_URL is set (development and demo). */
export const outbox = pgTable("outbox", {
  id: serial("id").primaryKey(),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  createdAt: created(),
});

// ── Billing: plans, Stripe customers and subscriptions, one-off payments, gifts ──

export const planKindEnum = pgEnum("plan_kind", ["recurring", "prepaid"]);
export const paymentStatusEnum = pgEnum("payment_status", ["pending", "paid", "failed"]);
export const giftStatusEnum = pgEnum("gift_status", ["pending", "paid", "claimed"]);

/** What readers can buy. Prices are in fen (CNY minor units); Stripe IDs are filled by `npm run stripe:sync`. */
export const plans = pgTable("plans", {
  key: text("key").primaryKey(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  benefits: jsonb("benefits").$type<string[]>().notNull().default([]),
  kind: planKindEnum("kind").notNull(),
  /** Recurring plans: the billing interval. */
  interval: text("interval").$type<"month" | "year">(),
  /** Length of one term in months: what a recurring period or a prepaid purchase covers. */
  months: smallint("months").notNull(),
  amountFen: integer("amount_fen").notNull(),
  currency: text("currency").notNull().default("cny"),
  trialDays: smallint("trial_days").notNull().default(0),
  includesPrint: boolean("includes_print").notNull().default(false),
  giftable: boolean("giftable").notNull().default(false),
  position: smallint("position").notNull().default(0),
  active: boolean("active").notNull().default(true),
  stripeProductId: text("stripe_product_id"),
  stripePriceId: text("stripe_price_id").unique(),
  updatedAt: timestamptz("updated_at").notNull().defaultNow(),
});

export const billingCustomers = pgTable("billing_customers", {
  userId: text("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  stripeCustomerId: text("stripe_customer_id").notNull().unique(),
  createdAt: created(),
});

/** A Stripe subscription as last read from Stripe; its access window has reference = id. */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    planKey: text("plan_key").references(() => plans.key),
    status: text("status").notNull(),
    currentPeriodEnd: timestamptz("current_period_end"),
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    endedAt: timestamptz("ended_at"),
    trialEnd: timestamptz("trial_end"),
    paymentMethodType: text("payment_method_type"),
    shippingAddress: jsonb("shipping_address").$type<Record<string, unknown>>(),
    /** When Stripe produced the state stored here, so a stale event never overwrites a newer one. */
    stateAt: timestamptz("state_at").notNull(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [index("subscriptions_user").on(t.userId)],
);

/** One-off Checkout payments (prepaid terms and gifts), keyed by Checkout Session id. */
export const payments = pgTable(
  "payments",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    planKey: text("plan_key").notNull().references(() => plans.key),
    status: paymentStatusEnum("status").notNull().default("pending"),
    paymentIntentId: text("payment_intent_id"),
    paymentMethodType: text("payment_method_type"),
    amountFen: integer("amount_fen"),
    windowId: integer("window_id").references(() => accessWindows.id, { onDelete: "set null" }),
    createdAt: created(),
    paidAt: timestamptz("paid_at"),
  },
  (t) => [index("payments_user").on(t.userId)],
);

/** Every Stripe event received: the unique id makes processing idempotent; staff can read the log. */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    stripeCreatedAt: timestamptz("stripe_created_at").notNull(),
    receivedAt: timestamptz("received_at").notNull().defaultNow(),
    processedAt: timestamptz("processed_at"),
    error: text("error"),
  },
  (t) => [index("stripe_events_received").on(t.receivedAt)],
);

export const gifts = pgTable("gifts", {
  id: serial("id").primaryKey(),
  buyerUserId: text("buyer_user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  recipientEmail: text("recipient_email").notNull(),
  message: text("message"),
  planKey: text("plan_key").notNull().references(() => plans.key),
  months: smallint("months").notNull(),
  status: giftStatusEnum("status").notNull().default("pending"),
  /** sha256 of the claim token; the token itself is only ever in the buyer's and recipient's hands. */
  tokenHash: text("token_hash").notNull().unique(),
  /** The claim token encrypted with AUTH_SECRET, so the buyer can see their claim link again. */
  tokenSealed: text("token_sealed").notNull(),
  checkoutSessionId: text("checkout_session_id").unique(),
  paidAt: timestamptz("paid_at"),
  expiresAt: timestamptz("expires_at").notNull(),
  recipientNotifiedAt: timestamptz("recipient_notified_at"),
  claimedByUserId: text("claimed_by_user_id").references(() => users.id, { onDelete: "set null" }),
  claimedAt: timestamptz("claimed_at"),
  windowId: integer("window_id").references(() => accessWindows.id, { onDelete: "set null" }),
  createdAt: created(),
});

/** Mails that must go out at most once (reminders, notices): the key names the mail and its subject. */
export const sentNotices = pgTable("sent_notices", {
  key: text("key").primaryKey(),
  sentAt: timestamptz("sent_at").notNull().defaultNow(),
});

/** A print subscriber's vacation stop: no paper delivered on publication days in [startsOn, endsOn]. */
export const deliveryHolds = pgTable(
  "delivery_holds",
  {
    id: serial("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    subscriptionId: text("subscription_id").references(() => subscriptions.id, { onDelete: "set null" }),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    canceledAt: timestamptz("canceled_at"),
    createdAt: created(),
  },
  (t) => [index("delivery_holds_user").on(t.userId, t.startsOn), index("delivery_holds_dates").on(t.startsOn, t.endsOn)],
);

// ── Staff area: audit log, invitations, sign-in history, read counts ──

/** Every staff mutation, written in the same transaction as the change itself. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: serial("id").primaryKey(),
    at: timestamptz("at").notNull().defaultNow(),
    /** Null when the actor's account was later deleted; actorLabel keeps who it was. */
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorLabel: text("actor_label").notNull(),
    /** Dotted verb, e.g. "issue.publish", "article.update", "reader.comp.grant". */
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before").$type<Record<string, unknown> | null>(),
    after: jsonb("after").$type<Record<string, unknown> | null>(),
  },
  (t) => [index("audit_log_at").on(t.at), index("audit_log_entity").on(t.entity, t.entityId), index("audit_log_actor").on(t.actorId, t.at)],
);

/** Single-use invitations for editors and admins; only the token's hash is stored. */
export const staffInvitations = pgTable("staff_invitations", {
  id: serial("id").primaryKey(),
  email: text("email").notNull(),
  role: roleEnum("role").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
  expiresAt: timestamptz("expires_at").notNull(),
  acceptedAt: timestamptz("accepted_at"),
  revokedAt: timestamptz("revoked_at"),
  createdAt: created(),
});

/** Recent sign-ins shown to admins on a reader's page: when and how, never an IP address. */
export const signIns = pgTable(
  "sign_ins",
  {
    id: serial("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    at: timestamptz("at").notNull().defaultNow(),
    /** "password" | "email_code" | "email_link" | "invitation". */
    method: text("method").notNull(),
    /** Coarse device class from the user agent: ios, android, desktop, other. */
    device: text("device"),
  },
  (t) => [index("sign_ins_user").on(t.userId, t.at)],
);

/** Article reads per day in the paper's time zone: counts only, not who read what. */
export const articleReadsDaily = pgTable(
  "article_reads_daily",
  {
    day: date("day", { mode: "string" }).notNull(),
    articleId: integer("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    reads: integer("reads").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.articleId] })],
);

/**
 * The subscriber-only articles a member without a subscription read in full
 * through metering, per month in the paper's time zone ("2026-05"). One row per
 * article and month: rereading costs nothing. Only metered reads are kept.
 */
export const meteredReads = pgTable(
  "metered_reads",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    month: text("month").notNull(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    at: timestamptz("at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.month, t.articleId] })],
);

// ── QR codes from print: codes, scans, and the print-to-digital funnel ──

export const qrPlacementEnum = pgEnum("qr_placement", ["masthead", "issue", "page", "article", "campaign"]);
export const qrDestinationEnum = pgEnum("qr_destination", ["landing", "article", "issue", "page", "subscribe", "external"]);

/** A custom landing page's content (destination "landing", and the fallback outside the active window). */
export type QrLanding = { title: string; text: string; imageKey?: string | null; ctaLabel?: string | null; ctaHref?: string | null };

export const qrCodes = pgTable(
  "qr_codes",
  {
    id: serial("id").primaryKey(),
    /** Short code as printed, upper case, from an alphabet without look-alikes; matched case-insensitively. */
    code: text("code").notNull().unique(),
    label: text("label").notNull(),
    placement: qrPlacementEnum("placement").notNull(),
    placementIssueId: integer("placement_issue_id").references(() => issues.id, { onDelete: "set null" }),
    placementPageId: integer("placement_page_id").references(() => pages.id, { onDelete: "set null" }),
    placementArticleId: integer("placement_article_id").references(() => articles.id, { onDelete: "set null" }),
    campaign: text("campaign"),
    destination: qrDestinationEnum("destination").notNull(),
    destinationArticleId: integer("destination_article_id").references(() => articles.id, { onDelete: "set null" }),
    destinationIssueId: integer("destination_issue_id").references(() => issues.id, { onDelete: "set null" }),
    /** With destination "page": the 版 number of destinationIssueId. */
    destinationPageNumber: smallint("destination_page_number"),
    promotionCode: text("promotion_code"),
    externalUrl: text("external_url"),
    landing: jsonb("landing").$type<QrLanding | null>(),
    activeFrom: timestamptz("active_from"),
    activeUntil: timestamptz("active_until"),
    /** Shown outside the active window; null = the friendly default page. */
    fallback: jsonb("fallback").$type<QrLanding | null>(),
    enabled: boolean("enabled").notNull().default(true),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: created(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [index("qr_codes_campaign").on(t.campaign), index("qr_codes_placement_issue").on(t.placementIssueId)],
);

/** One scan. No IP is stored: `visitorHash` is a daily-rotating salted hash of IP + user agent. */
export const qrScans = pgTable(
  "qr_scans",
  {
    id: serial("id").primaryKey(),
    at: timestamptz("at").notNull().defaultNow(),
    /** Null for an orphan scan (unknown code); `requestedCode` keeps what was asked for. */
    codeId: integer("code_id").references(() => qrCodes.id, { onDelete: "set null" }),
    requestedCode: text("requested_code").notNull(),
    /** "ok" | "unknown" | "disabled" | "expired" | "not_yet" */
    outcome: text("outcome").notNull(),
    /** "ios" | "android" | "desktop" | "other" */
    device: text("device").notNull(),
    /** "wechat" | "alipay" | "qq" | "weibo" | "other" | null (a normal browser) */
    inApp: text("in_app"),
    hasReferrer: boolean("has_referrer").notNull().default(false),
    visitorHash: text("visitor_hash").notNull(),
    isBot: boolean("is_bot").notNull().default(false),
  },
  (t) => [index("qr_scans_code_at").on(t.codeId, t.at), index("qr_scans_at").on(t.at)],
);

/** Daily salts for the visitor hash; old ones are deleted so yesterday's hashes can't be recomputed. */
export const qrSalts = pgTable("qr_salts", {
  day: date("day", { mode: "string" }).primaryKey(),
  salt: text("salt").notNull(),
});

/** A sign-up or subscription attributed to a code, within 7 days of a scan on that device. */
export const qrAttributions = pgTable(
  "qr_attributions",
  {
    id: serial("id").primaryKey(),
    codeId: integer("code_id").notNull().references(() => qrCodes.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    /** "signup" | "subscription" */
    kind: text("kind").notNull(),
    scannedAt: timestamptz("scanned_at").notNull(),
    at: timestamptz("at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("qr_attributions_once").on(t.codeId, t.userId, t.kind), index("qr_attributions_code").on(t.codeId, t.at)],
);

// ── Search ──

/** A PostgreSQL `tsvector`; the app builds its text (lib/search-text.ts), since Chinese needs its own segmentation. */
const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => "tsvector" });

/**
 * The full-text index of an article, one row per article, rebuilt by the app
 * whenever the article is written (lib/search-index.ts). Two vectors so that
 * ranking can read the small `head` without de-TOASTing every body:
 * `head` = title (A), kicker/subtitle/column (B), byline (C); `body` = the
 * body text (D), or for subscriber-only articles only the teaser, so a search
 * never reveals what the hidden text contains. `issueId` and `column` are
 * copies for filtering without reading the articles table.
 */
export const articleSearch = pgTable(
  "article_search",
  {
    articleId: integer("article_id")
      .primaryKey()
      .references(() => articles.id, { onDelete: "cascade" }),
    issueId: integer("issue_id")
      .notNull()
      .references(() => issues.id, { onDelete: "cascade" }),
    column: text("column"),
    head: tsvector("head").notNull(),
    body: tsvector("body").notNull(),
    indexedAt: timestamptz("indexed_at").notNull().defaultNow(),
  },
  (t) => [
    index("article_search_head").using("gin", t.head),
    index("article_search_body").using("gin", t.body),
    index("article_search_issue").on(t.issueId),
  ],
);

// ── Storage journal ──

export const storageJournalStateEnum = pgEnum("storage_journal_state", ["pending", "doomed"]);

/**
 * Stored files whose fate is not settled by a committed row (lib/storage/journal.ts).
 * `pending`: an operation (an issue import, an upload) recorded the key before
 * writing the file; the transaction that stores the rows referring to it
 * deletes this row, so a file outlives a crash only with its row here.
 * `doomed`: no row refers to the file any more (or never will); the sweep
 * deletes it, then this row. `operation` says who wrote it, for a person
 * reading the table.
 */
export const storageJournal = pgTable(
  "storage_journal",
  {
    key: text("key").primaryKey(),
    state: storageJournalStateEnum("state").notNull().default("pending"),
    operation: text("operation").notNull(),
    createdAt: created(),
  },
  (t) => [index("storage_journal_state").on(t.state, t.createdAt)],
);
