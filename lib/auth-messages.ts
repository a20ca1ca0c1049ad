import { AuthError, type CredentialsSignin } from "@auth/core/errors";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translate";

/**
 * What readers are told when signing in does not work. One wording for a wrong
 * password whether or not the account exists, so the message reveals nothing.
 * Each function takes the reader's language (the default when left out).
 */
const auth = (locale: Locale) => translatorFor(locale, "account.auth");

export const GENERIC_FAILURE = translatorFor(defaultLocale, "account.actions")("genericFailure");

export const signInThrottledMessage = (minutes: number, locale: Locale = defaultLocale) => auth(locale)("throttled", { minutes });
export const tooManyRequestsMessage = (minutes: number, locale: Locale = defaultLocale) => auth(locale)("tooManyRequests", { minutes });

/** The minutes of a "throttled:N" code, or null for any other code. */
export function throttledMinutes(code: unknown): number | null {
  const m = typeof code === "string" ? /^throttled:(\d{1,4})$/.exec(code) : null;
  return m ? Number(m[1]) : null;
}

export type SignInMethod = "password" | "code" | "link";

/** The message for a CredentialsSignin code (from a thrown error, or from /login?code= after a direct API post). */
export function credentialsMessage(code: unknown, method: SignInMethod, locale: Locale = defaultLocale): string {
  const minutes = throttledMinutes(code);
  if (minutes !== null) return signInThrottledMessage(minutes, locale);
  const t = auth(locale);
  if (code === "code_expired") return method === "link" ? t("linkExpired") : t("codeExpired");
  return method === "password" ? t("wrongPassword") : t("wrongCode");
}

/** The reader-facing message for an error thrown by Auth.js `signIn`, or null if it is not a sign-in refusal. */
export function signInErrorMessage(error: unknown, method: SignInMethod, locale: Locale = defaultLocale): string | null {
  if (!(error instanceof AuthError) || error.type !== "CredentialsSignin") return null;
  return credentialsMessage((error as CredentialsSignin).code, method, locale);
}

/** For /login?error=…&code=…, where Auth.js sends a browser that posted to its API directly. */
export function loginPageNotice(error: unknown, code: unknown, locale: Locale = defaultLocale): string | null {
  if (typeof error !== "string" || !error) return null;
  if (error === "CredentialsSignin") return credentialsMessage(code, "password", locale);
  return auth(locale)("signInFailed");
}
