"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signInMailFor } from "@/lib/account-mail";
import { emailField, existingPasswordField, linkTokenField, loginCodeField, nextField } from "@/lib/account-schemas";
import { validatedAction } from "@/lib/actions";
import { signInErrorMessage, tooManyRequestsMessage, type SignInMethod } from "@/lib/auth-messages";
import { signIn } from "@/lib/auth";
import { requestLocale, translatorFor } from "@/lib/i18n/translate";
import { sendMail } from "@/lib/mail";
import { safeNext } from "@/lib/safe-next";
import { clientIp, getThrottle, MAIL_BY_EMAIL, MAIL_BY_IP, minutesUntil } from "@/lib/throttle";
import { findUserByEmail } from "@/lib/users";

/** Where a reader goes after signing in: their account unless a safe ?next= says otherwise. */
const destination = (next: string | undefined) => (next ? safeNext(next) : "/account");

/** Signs in with Auth.js; returns the reader-facing refusal, or redirects on success. */
async function signInWith(method: SignInMethod, provider: string, fields: Record<string, string>, next: string) {
  try {
    await signIn(provider, { ...fields, redirect: false });
  } catch (error) {
    const message = signInErrorMessage(error, method, await requestLocale());
    if (message) return { error: message };
    throw error;
  }
  redirect(next);
}

export const signInWithPassword = validatedAction(
  z.object({ email: emailField, password: existingPasswordField, next: nextField }),
  async ({ email, password, next }) => signInWith("password", "password", { email, password }, destination(next)),
);

export const requestEmailSignIn = validatedAction(z.object({ email: emailField, next: nextField }), async ({ email, next }) => {
  const locale = await requestLocale();
  const throttle = await getThrottle();
  const verdict = await throttle.take([
    { policy: MAIL_BY_EMAIL, key: email },
    { policy: MAIL_BY_IP, key: clientIp(await headers()) },
  ]);
  if (!verdict.allowed) return { error: tooManyRequestsMessage(minutesUntil(verdict.retryAfterMs), locale), values: { email } };

  const user = await findUserByEmail(email);
  if (user) {
    const mail = await signInMailFor(user, locale, next ? safeNext(next) : undefined);
    // Sent after the reply, so a registered address answers as fast as an unknown one.
    after(() => sendMail(mail));
  }
  return { ok: true, message: translatorFor(locale, "account.login")("mailSent"), values: { email } };
});

export const signInWithEmailCode = validatedAction(
  z.object({ email: emailField, code: loginCodeField, next: nextField }),
  async ({ email, code, next }) => signInWith("code", "email-code", { email, code }, destination(next)),
);

export const signInWithEmailLink = validatedAction(
  z.object({ token: linkTokenField, next: nextField }),
  async ({ token, next }) => signInWith("link", "email-link", { token }, destination(next)),
);
