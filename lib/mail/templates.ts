import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translate";

/**
 * The mails the portal sends, in the reader's language (the `mail` catalog)
 * and plain text: plain text survives every mail client and keeps the code and
 * the link easy to copy.
 */
export type MailContent = { subject: string; text: string };

export const mailWords = (locale: Locale) => translatorFor(locale, "mail");
type Words = ReturnType<typeof mailWords>;

/** Greeting, the paragraphs, the paper's signature: one blank line between each. */
export const letter = (t: Words, paragraphs: readonly (string | false | null | undefined)[]): string =>
  [t("greeting"), ...paragraphs.filter((p): p is string => Boolean(p)), t("signature")].join("\n\n");

export function signInMail(locale: Locale, { code, link, minutes }: { code: string; link: string; minutes: number }): MailContent {
  const t = mailWords(locale);
  return {
    // The code stays out of the subject: subjects end up in logs and on lock screens.
    subject: t("signIn.subject"),
    text: letter(t, [t("signIn.code", { code, minutes, link }), t("signIn.once"), t("notYou")]),
  };
}

export function resetPasswordMail(locale: Locale, { link, minutes }: { link: string; minutes: number }): MailContent {
  const t = mailWords(locale);
  return {
    subject: t("resetPassword.subject"),
    text: letter(t, [t("resetPassword.link", { minutes, link }), t("resetPassword.once"), t("notYou")]),
  };
}

export function verifyEmailMail(locale: Locale, { link, hours }: { link: string; hours: number }): MailContent {
  const t = mailWords(locale);
  return {
    subject: t("verifyEmail.subject"),
    text: letter(t, [t("verifyEmail.link", { hours, link }), t("notYou")]),
  };
}

/** Absolute links into the portal, for mails. */
export function portalLink(appUrl: string, path: string, query?: Record<string, string>): string {
  const url = new URL(path, appUrl);
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
  return url.toString();
}
