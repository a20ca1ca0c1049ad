"use server";

import { after } from "next/server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { verificationMailFor } from "@/lib/account-mail";
import { confirmPasswordField, emailField, newPasswordField, nextField, passwordsMatch, validationMessage } from "@/lib/account-schemas";
import { validatedAction } from "@/lib/actions";
import { tooManyRequestsMessage } from "@/lib/auth-messages";
import { signIn } from "@/lib/auth";
import { sendMail } from "@/lib/mail";
import { requestLocale, translatorFor } from "@/lib/i18n/translate";
import { hashPassword } from "@/lib/passwords";
import { attributeSignup, REF_COOKIE } from "@/lib/qr/attribution";
import { safeNext } from "@/lib/safe-next";
import { clientIp, getThrottle, minutesUntil, REGISTER_BY_IP } from "@/lib/throttle";
import { createMember } from "@/lib/users";
import { logger } from "@/lib/log";

const log = logger.child({ module: "register" });

const registration = z
  .object({
    name: z.string().trim().max(50, validationMessage("displayNameTooLong")).optional(),
    email: emailField,
    password: newPasswordField,
    confirmPassword: confirmPasswordField,
    next: nextField,
  })
  .refine(...passwordsMatch);

export const register = validatedAction(registration, async ({ name, email, password, next }) => {
  const locale = await requestLocale();
  const throttle = await getThrottle();
  const verdict = await throttle.take([{ policy: REGISTER_BY_IP, key: clientIp(await headers()) }]);
  if (!verdict.allowed) return { error: tooManyRequestsMessage(minutesUntil(verdict.retryAfterMs), locale) };

  const user = await createMember({ email, name: name || null, passwordHash: await hashPassword(password), locale });
  if (!user) return { fieldErrors: { email: [translatorFor(locale, "account.register")("emailTaken")] } };

  const mail = await verificationMailFor(user, locale);
  after(() => sendMail(mail));
  // A scan of a printed code in the last seven days gets the sign-up; after the response, and it never throws.
  const scanRef = (await cookies()).get(REF_COOKIE)?.value;
  if (scanRef) after(() => attributeSignup(user.id, scanRef));

  try {
    await signIn("password", { email, password, redirect: false });
  } catch (error) {
    // The account exists; if signing in is refused (say, this address is throttled), let them sign in by hand.
    log.warn({ err: error }, "Created the account but could not sign in");
    redirect("/login?next=/account");
  }
  redirect(next ? safeNext(next) : "/account");
});
