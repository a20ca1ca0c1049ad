import "server-only";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import type { Mail } from "@/lib/mail";
import { portalLink, resetPasswordMail, signInMail, verifyEmailMail } from "@/lib/mail/templates";
import { consumeLinkToken, inspectLinkToken, issueToken, TOKEN_LIFETIME_MS } from "@/lib/tokens";
import { findUserById, markEmailVerified } from "@/lib/users";

/**
 * Issues the token behind each account mail and writes the mail. Callers send
 * it (usually with `after()`, so the reply does not wait on SMTP and takes the
 * same time whether or not the address is registered).
 *
 * `locale` is the language of the page the mail was asked for on (the
 * request's): the reader acts on these mails at once, in the language they are
 * reading in. The account's stored language is left alone: anyone may type an
 * address into the sign-in form, and that must not change what its owner gets.
 */
type Recipient = { id: string; email: string };

const minutesOf = (ms: number) => Math.round(ms / 60_000);

export async function signInMailFor(user: Recipient, locale: Locale, next?: string): Promise<Mail> {
  const { token, code } = await issueToken(user.id, "login");
  const query: Record<string, string> = { token };
  if (next && next !== "/") query.next = next;
  const link = portalLink(env().APP_URL, "/login/email", query);
  return { to: user.email, ...signInMail(locale, { code: code!, link, minutes: minutesOf(TOKEN_LIFETIME_MS.login) }) };
}

export async function passwordResetMailFor(user: Recipient, locale: Locale): Promise<Mail> {
  const { token } = await issueToken(user.id, "reset_password");
  const link = portalLink(env().APP_URL, `/reset-password/${token}`);
  return { to: user.email, ...resetPasswordMail(locale, { link, minutes: minutesOf(TOKEN_LIFETIME_MS.reset_password) }) };
}

export async function verificationMailFor(user: Recipient, locale: Locale): Promise<Mail> {
  const { token } = await issueToken(user.id, "verify_email");
  const link = portalLink(env().APP_URL, "/verify-email", { token });
  return { to: user.email, ...verifyEmailMail(locale, { link, hours: TOKEN_LIFETIME_MS.verify_email / 3_600_000 }) };
}

export type VerifyOutcome = "verified" | "expired" | "invalid";

/**
 * Verifies on a plain GET (a mail scanner following the link only proves the
 * same mailbox). A link already used reads as success once the address is verified,
 * so a scanner that got there first does not leave the reader looking at an error.
 */
export async function verifyEmailWithToken(token: string, now = new Date()): Promise<VerifyOutcome> {
  const db = await getDb();
  const userId = await consumeLinkToken("verify_email", token, { now, db });
  if (userId) {
    await markEmailVerified(userId, now, db);
    return "verified";
  }
  const state = await inspectLinkToken("verify_email", token, { now, db });
  if (state?.state === "used" && (await findUserById(state.userId, db))?.emailVerified) return "verified";
  return state?.state === "expired" ? "expired" : "invalid";
}
