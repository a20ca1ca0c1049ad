import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { localizeFieldErrors, localizeMessage } from "@/lib/account-schemas";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { translatorFor, requestLocale } from "@/lib/i18n/translate";
import type { Role } from "@/lib/roles";
import type { UserRow } from "@/lib/users";
import { logger } from "@/lib/log";

const log = logger.child({ module: "action" });

/**
 * The one wrapper for server actions used with `useActionState`: it validates
 * the form with zod, returns field errors instead of throwing, echoes safe
 * fields back so the form keeps them, and turns any unexpected exception into
 * a logged, generic error instead of a 500. Next's redirect() and notFound()
 * still go through. Messages written in the default language (the schemas',
 * and this module's own) reach the reader in their language (localizeState).
 */
export type ActionState = {
  error?: string;
  fieldErrors?: Record<string, string[]>;
  ok?: boolean;
  message?: string;
  values?: Record<string, string>;
};

// Secrets are never sent back to the browser, not even to the form they came from.
const SECRET_FIELD = /password|token|code|secret/i;
const MAX_ECHO_LENGTH = 500;

/** The form's text fields; files and React's own $ACTION_ fields are left out. */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) fields[key] = value;
  }
  return fields;
}

export function echoableValues(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([key]) => !SECRET_FIELD.test(key))
      .map(([key, value]) => [key, value.slice(0, MAX_ECHO_LENGTH)]),
  );
}

type Handler<S extends z.ZodType, Extra extends unknown[]> = (
  data: z.output<S>,
  formData: FormData,
  ...extra: Extra
) => Promise<ActionState | void>;

/**
 * The state with every message the catalogs know in the default language put
 * into `locale`: the zod schemas' messages, and the shared refusals below that
 * lib code returns as they are (FORBIDDEN). Text already in `locale` passes.
 */
export function localizeState(state: ActionState, locale: Locale): ActionState {
  if (locale === defaultLocale) return state;
  return {
    ...state,
    ...(state.error !== undefined && { error: localizeMessage(state.error, locale) }),
    ...(state.message !== undefined && { message: localizeMessage(state.message, locale) }),
    ...(state.fieldErrors && { fieldErrors: localizeFieldErrors(state.fieldErrors, locale) }),
  };
}

async function run<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  handle: (data: z.output<S>) => Promise<ActionState | void>,
  guard?: () => Promise<ActionState | null>,
): Promise<ActionState> {
  const locale = await requestLocale();
  const t = translatorFor(locale, "account.actions");
  // React's client always sends the form; anything else was crafted by hand.
  if (!(formData instanceof FormData)) return { error: t("malformedRequest") };
  const fields = formFields(formData);
  const values = echoableValues(fields);
  try {
    // Who is calling is settled before the input is looked at: a refused caller learns nothing about the form.
    const refused = guard ? await guard() : null;
    if (refused) return localizeState(refused, locale);
    const parsed = schema.safeParse(fields);
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error);
      return localizeState(
        {
          error: flat.formErrors[0] ?? t("checkForm"),
          fieldErrors: flat.fieldErrors as Record<string, string[]>,
          values,
        },
        locale,
      );
    }
    const result = (await handle(parsed.data)) ?? { ok: true };
    return localizeState(result.ok ? result : { values, ...result }, locale);
  } catch (error) {
    unstable_rethrow(error);
    log.error({ err: error }, "Server action failed unexpectedly");
    return { error: t("genericFailure"), values };
  }
}

export function validatedAction<S extends z.ZodType>(schema: S, handler: Handler<S, []>) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> =>
    run(schema, formData, (data) => handler(data, formData));
}

/**
 * Shared refusals, in the default language: lib code returns them as they are
 * and run() above puts them into the reader's language.
 */
const defaultText = translatorFor(defaultLocale, "account.actions");
export const SIGN_IN_REQUIRED = defaultText("signInRequired");
export const FORBIDDEN = defaultText("forbidden");

/**
 * Like validatedAction, for a signed-in user, checked before the form is
 * parsed. The user is re-read from the
 * database rather than trusted from the JWT, so a deleted account or a changed
 * role takes effect at once; `roles` limits the action to those roles.
 */
export function validatedActionWithUser<S extends z.ZodType>(
  schema: S,
  handler: Handler<S, [user: UserRow]>,
  { roles }: { roles?: readonly Role[] } = {},
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    let user: UserRow | null = null;
    const guard = async (): Promise<ActionState | null> => {
      // Imported here so that this module (and its tests) load without Next's request scope.
      const [{ sessionUserId }, { findUserById }] = await Promise.all([import("@/lib/session"), import("@/lib/users")]);
      const userId = await sessionUserId();
      user = userId ? await findUserById(userId) : null;
      if (!user) return { error: SIGN_IN_REQUIRED };
      if (roles && !roles.includes(user.role)) return { error: FORBIDDEN };
      return null;
    };
    return run(schema, formData, (data) => handler(data, formData, user!), guard);
  };
}
