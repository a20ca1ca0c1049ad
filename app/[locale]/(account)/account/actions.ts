"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { z } from "zod";
import { verificationMailFor } from "@/lib/account-mail";
import { validatedActionWithUser } from "@/lib/actions";
import { tooManyRequestsMessage } from "@/lib/auth-messages";
import { signOut } from "@/lib/auth";
import { requestLocale, translatorFor } from "@/lib/i18n/translate";
import { forgetSessionVersion, sessionUserId } from "@/lib/session";
import { endAllSessions } from "@/lib/users";
import { sendMail } from "@/lib/mail";
import { clientIp, getThrottle, MAIL_BY_EMAIL, MAIL_BY_IP, minutesUntil } from "@/lib/throttle";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

/** Ends every session of this reader (other phones, a shared computer), then this one. */
export async function signOutEverywhereAction(): Promise<void> {
  const userId = await sessionUserId();
  if (userId) {
    await endAllSessions(userId);
    forgetSessionVersion(userId);
  }
  await signOut({ redirectTo: "/login?signedOut=everywhere" });
}

export const resendVerification = validatedActionWithUser(z.object({}), async (_data, _form, user) => {
  const locale = await requestLocale();
  const t = translatorFor(locale, "account.account");
  if (user.emailVerified) return { ok: true, message: t("alreadyVerified") };
  const throttle = await getThrottle();
  const verdict = await throttle.take([
    { policy: MAIL_BY_EMAIL, key: user.email },
    { policy: MAIL_BY_IP, key: clientIp(await headers()) },
  ]);
  if (!verdict.allowed) return { error: tooManyRequestsMessage(minutesUntil(verdict.retryAfterMs), locale) };
  const mail = await verificationMailFor(user, locale);
  after(() => sendMail(mail));
  return { ok: true, message: t("verificationSent", { email: user.email }) };
});
