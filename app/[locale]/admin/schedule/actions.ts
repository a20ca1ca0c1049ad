"use server";

import { revalidatePage } from "@/lib/i18n/revalidate";
import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions";
import { requestTranslator } from "@/lib/i18n/translate";
import type { Role } from "@/lib/roles";
import { addScheduleChange, deleteScheduleChange } from "@/lib/schedule-changes";

const staff = { roles: ["editor", "admin"] as readonly Role[] };

/** Every reader page that shows publication days or the next issue. */
function revalidateCalendarPages() {
  revalidatePage("/(reader)/archive/[month]", "page");
  revalidatePage("/(reader)/today/[date]", "page");
}

export const addScheduleChangeAction = validatedActionWithUser(
  z.object({ effectiveFrom: z.string().max(20) }),
  async (_data, formData, user) => {
    const result = await addScheduleChange(user.id, { effectiveFrom: formData.get("effectiveFrom"), weekdays: formData.getAll("weekdays") });
    if ("error" in result) return result;
    revalidateCalendarPages();
    const t = await requestTranslator("adminPublishing.schedule");
    return { ok: true, message: t("saved", { date: result.effectiveFrom }) };
  },
  staff,
);

export const deleteScheduleChangeAction = validatedActionWithUser(
  z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
  async ({ id }, _formData, user) => {
    const result = await deleteScheduleChange(user.id, id);
    if ("error" in result) return result;
    revalidateCalendarPages();
    return { ok: true, message: (await requestTranslator("adminPublishing.schedule"))("withdrawn") };
  },
  staff,
);
