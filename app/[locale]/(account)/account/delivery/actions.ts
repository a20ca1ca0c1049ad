"use server";

import { revalidatePage } from "@/lib/i18n/revalidate";
import { z } from "zod";
import { validationMessage } from "@/lib/account-schemas";
import { validatedActionWithUser } from "@/lib/actions";
import { isIsoDate } from "@/lib/dates";
import { cancelHold, placeHold } from "@/lib/delivery-holds";
import { paperMonthDay } from "@/lib/i18n/format";
import { requestLocale, translatorFor } from "@/lib/i18n/translate";
import { issueLabel } from "./labels";

const date = (missing: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .refine((v) => isIsoDate(v), validationMessage("dateInvalid"));

const placeSchema = z.object({ startsOn: date(validationMessage("startRequired")), endsOn: date(validationMessage("endRequired")) });

export const placeHoldAction = validatedActionWithUser(placeSchema, async (range, _form, user) => {
  const result = await placeHold(user.id, range);
  if (!result.ok) return { error: result.message, ...(result.field && { fieldErrors: { [result.field]: [result.message] } }) };
  revalidatePage("/account/delivery");
  const { hold } = result;
  const locale = await requestLocale();
  const t = translatorFor(locale, "account.delivery");
  return {
    ok: true,
    message: t("placed", {
      start: paperMonthDay(hold.startsOn, locale),
      end: paperMonthDay(hold.endsOn, locale),
      count: hold.issues.length,
      issues: hold.issues.map((issue) => issueLabel(issue, locale)).join(t("listSeparator")),
    }),
  };
});

export const cancelHoldAction = validatedActionWithUser(
  z.object({ hold: z.coerce.number().int().positive().max(2_147_483_647) }),
  async ({ hold }, _form, user) => {
    const result = await cancelHold(user.id, hold);
    if (!result.ok) return { error: result.message };
    revalidatePage("/account/delivery");
    return { ok: true, message: translatorFor(await requestLocale(), "account.delivery")("cancelled") };
  },
);
