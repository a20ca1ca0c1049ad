import { z } from "zod";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { catalogs } from "@/lib/i18n/messages";

/**
 * Form fields shared by the account pages. Every field has a maximum length,
 * so an oversized post is a field error, never a 500.
 *
 * The schemas are built once, at module level, so their messages are written in
 * the default language (the zh-CN catalog's account.validation text, like
 * gettext's source strings). localizeMessage turns such a message, or one of
 * the action wrapper's (account.actions), into the reader's language on the
 * way out (lib/actions.ts does it for every form).
 *
 * These messages take no arguments, so they are read from the catalogs as they
 * are, without next-intl: scripts run under `tsx --conditions=react-server`
 * (the reader import benchmark loads lib/reader-csv.ts) cannot load it.
 */
type Messages = (typeof catalogs)["zh-CN"]["account"];
export type ValidationKey = keyof Messages["validation"];
/** A validation message in the default language, for a zod schema. */
export const validationMessage = (key: ValidationKey): string => catalogs[defaultLocale].account.validation[key];

const sources = ["validation", "actions"] as const;
type Source = (typeof sources)[number];
let byText: Map<string, { source: Source; key: string }> | null = null;
function lookup(text: string) {
  if (!byText) {
    byText = new Map();
    for (const source of sources) {
      for (const [key, value] of Object.entries(catalogs[defaultLocale].account[source])) byText.set(value, { source, key });
    }
  }
  return byText.get(text);
}

/** A message written in the default language, in `locale`; text the catalogs do not know is returned as it is. */
export function localizeMessage(text: string, locale: Locale): string {
  if (locale === defaultLocale) return text;
  const found = lookup(text);
  if (!found) return text;
  return (catalogs[locale].account[found.source] as Record<string, string>)[found.key] ?? text;
}

/** Field errors (e.g. z.flattenError's) in `locale`. */
export function localizeFieldErrors(errors: Record<string, string[] | undefined>, locale: Locale): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors)) if (messages) out[field] = messages.map((m) => localizeMessage(m, locale));
  return out;
}

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, validationMessage("emailRequired"))
  .max(254, validationMessage("emailTooLong"))
  .pipe(z.email(validationMessage("emailInvalid")));

/** Any password a user may already have, for signing in. */
export const existingPasswordField = z.string().min(1, validationMessage("passwordRequired")).max(200, validationMessage("passwordTooLong"));

/** A password being chosen: long enough to resist guessing, short enough to hash cheaply. */
export const newPasswordField = z.string().min(10, validationMessage("newPasswordTooShort")).max(200, validationMessage("newPasswordTooLong"));

export const loginCodeField = z
  .string()
  .trim()
  .regex(/^\d{6}$/, validationMessage("loginCode"));

/** The ?next= carried through the forms; checked again with safeNext before use. */
export const nextField = z.string().max(2048).optional();

export const linkTokenField = z.string().min(1, validationMessage("linkInvalid")).max(200, validationMessage("linkInvalid"));

export const confirmPasswordField = z.string().max(200, validationMessage("newPasswordTooLong"));

/** For `.refine(...passwordsMatch)`: a mismatch is reported on the confirmation field. */
export const passwordsMatch: [
  check: (form: { password: string; confirmPassword: string }) => boolean,
  options: { path: string[]; message: string },
] = [(form) => form.password === form.confirmPassword, { path: ["confirmPassword"], message: validationMessage("passwordsMismatch") }];
