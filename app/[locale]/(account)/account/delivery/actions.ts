"use server";

import { revalidatePage } from "@/lib/i18n/revalidate";
import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions";
import { chineseMonthDay, isIsoDate } from "@/lib/dates";
import { cancelHold, placeHold } from "@/lib/delivery-holds";
import { issueLabel } from "./labels";

const date = (missing: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .refine((v) => isIsoDate(v), "请按 年-月-日 填写有效的日期");

const placeSchema = z.object({ startsOn: date("请选择开始日期"), endsOn: date("请选择结束日期") });

export const placeHoldAction = validatedActionWithUser(placeSchema, async (range, _form, user) => {
  const result = await placeHold(user.id, range);
  if (!result.ok) return { error: result.message, ...(result.field && { fieldErrors: { [result.field]: [result.message] } }) };
  revalidatePage("/account/delivery");
  const { hold } = result;
  return {
    ok: true,
    message: `已暂停投递 ${chineseMonthDay(hold.startsOn)}至${chineseMonthDay(hold.endsOn)},共 ${hold.issues.length} 期:${hold.issues.map(issueLabel).join("、")}。数字版照常阅读。`,
  };
});

export const cancelHoldAction = validatedActionWithUser(
  z.object({ hold: z.coerce.number().int().positive().max(2_147_483_647) }),
  async ({ hold }, _form, user) => {
    const result = await cancelHold(user.id, hold);
    if (!result.ok) return { error: result.message };
    revalidatePage("/account/delivery");
    return { ok: true, message: "已取消这次暂停投递,报纸将照常送达。" };
  },
);
