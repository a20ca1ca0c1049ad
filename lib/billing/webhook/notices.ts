import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sentNotices, users } from "@/db/schema";
import { env } from "@/lib/env";
import { localeOr, type Locale } from "@/lib/i18n/config";
import { sendMail, type Mail } from "@/lib/mail";
import { portalLink } from "@/lib/mail/templates";
import { logger } from "@/lib/log";

const log = logger.child({ module: "billing" });

/**
 * A mail that must reach a reader at most once. The key names the mail and
 * its subject (e.g. `access-granted:<reference>:<endsAt ISO>`); `compose` runs
 * only when the key is new, after the database work has committed, so it may
 * call Stripe (a portal link) without holding a transaction open. No request
 * is at hand (a webhook, the daily job), so the mail is written in the
 * language stored on the reader's account.
 */
export type Notice = { key: string; userId: string; compose: (to: { email: string; locale: Locale }) => Promise<Omit<Mail, "to">> };

/**
 * Claims the key, then sends. A mail that could not leave gives its key back
 * so a later run (the next daily job, a retried event) may try again; a crash
 * between the claim and the send loses that one mail rather than doubling it.
 */
export async function sendOnce(db: Db, notice: Notice): Promise<boolean> {
  const [user] = await db.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, notice.userId)).limit(1);
  if (!user) return false;
  const [claimed] = await db.insert(sentNotices).values({ key: notice.key }).onConflictDoNothing().returning({ key: sentNotices.key });
  if (!claimed) return false;
  let content: Omit<Mail, "to">;
  try {
    content = await notice.compose({ email: user.email, locale: localeOr(user.locale) });
  } catch (error) {
    log.error({ err: error, noticeKey: notice.key }, "Could not write the mail");
    await db.delete(sentNotices).where(eq(sentNotices.key, notice.key));
    return false;
  }
  const { delivery } = await sendMail({ to: user.email, ...content });
  if (delivery === "failed") {
    await db.delete(sentNotices).where(eq(sentNotices.key, notice.key));
    return false;
  }
  return true;
}

export async function sendAll(db: Db, notices: readonly Notice[]): Promise<number> {
  let sent = 0;
  for (const notice of notices) if (await sendOnce(db, notice)) sent++;
  return sent;
}

/** Absolute links into the portal for mails. */
export const appLink = (path: string): string => portalLink(env().APP_URL, path);
