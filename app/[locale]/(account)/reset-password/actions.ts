"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { passwordResetMailFor } from "@/lib/account-mail";
import { confirmPasswordField, emailField, linkTokenField, newPasswordField, passwordsMatch } from "@/lib/account-schemas";
import { validatedAction } from "@/lib/actions";
import { tooManyRequestsMessage } from "@/lib/auth-messages";
import { requestLocale, translatorFor } from "@/lib/i18n/translate";
import { sendMail } from "@/lib/mail";
import { hashPassword } from "@/lib/passwords";
import { clientIp, getThrottle, MAIL_BY_EMAIL, MAIL_BY_IP, minutesUntil, signInAccountHit } from "@/lib/throttle";
import { consumeLinkToken } from "@/lib/tokens";
import { forgetSessionVersion } from "@/lib/session";
import { findUserByEmail, findUserById, markEmailVerified, setPasswordHash } from "@/lib/users";

/** The same answer whether or not the address is registered. */
export const requestPasswordReset = validatedAction(z.object({ email: emailField }), async ({ email }) => {
  const locale = await requestLocale();
  const throttle = await getThrottle();
  const verdict = await throttle.take([
    { policy: MAIL_BY_EMAIL, key: email },
    { policy: MAIL_BY_IP, key: clientIp(await headers()) },
  ]);
  if (!verdict.allowed) return { error: tooManyRequestsMessage(minutesUntil(verdict.retryAfterMs), locale), values: { email } };

  const user = await findUserByEmail(email);
  if (user) {
    const mail = await passwordResetMailFor(user, locale);
    after(() => sendMail(mail));
  }
  return { ok: true, message: translatorFor(locale, "account.resetPassword")("mailSent"), values: { email } };
});

export const setNewPassword = validatedAction(
  z.object({ token: linkTokenField, password: newPasswordField, confirmPassword: confirmPasswordField }).refine(...passwordsMatch),
  async ({ token, password }) => {
    const t = translatorFor(await requestLocale(), "account.resetPassword");
    const passwordHash = await hashPassword(password);
    const db = await getDb();
    // Using the token and setting the password commit together: a failure leaves the link usable.
    const userId = await db.transaction(async (tx) => {
      const owner = await consumeLinkToken("reset_password", token, { db: tx });
      if (owner) {
        await setPasswordHash(owner, passwordHash, tx);
        await markEmailVerified(owner, new Date(), tx);
      }
      return owner;
    });
    if (!userId) return { error: t("linkUsed") };
    forgetSessionVersion(userId); // sessions signed in with the old password end now here, within seconds elsewhere

    // A reader who proved the mailbox should not stay locked out by someone else's guesses.
    const user = await findUserById(userId);
    if (user) await (await getThrottle()).clear(signInAccountHit(user.email));
    return { ok: true, message: t("done") };
  },
);
