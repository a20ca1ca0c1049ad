"use server";

import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { validatedActionWithUser } from "@/lib/actions";
import { requestTranslator } from "@/lib/i18n/translate";

/**
 * 休刊通知 on /account: the signed-in reader's own choice, so no role is
 * needed. The checkbox's state is stored as sent (not flipped), so a double
 * submit or a stale tab cannot turn it the wrong way.
 */
export const savePauseNoticeOptIn = validatedActionWithUser(z.object({ pauseNoticeOptIn: z.literal("on").optional() }), async (data, _form, user) => {
  const optIn = data.pauseNoticeOptIn === "on";
  const db = await getDb();
  await db.update(users).set({ pauseNoticeOptIn: optIn }).where(eq(users.id, user.id));
  const t = await requestTranslator("account.pauseNotice");
  return {
    ok: true,
    message: optIn ? t("optedIn") : t("optedOut"),
    values: { pauseNoticeOptIn: optIn ? "on" : "" },
  };
});
