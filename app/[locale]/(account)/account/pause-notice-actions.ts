"use server";

import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { validatedActionWithUser } from "@/lib/actions";

/**
 * 休刊通知 on /account: the signed-in reader's own choice, so no role is
 * needed. The checkbox's state is stored as sent (not flipped), so a double
 * submit or a stale tab cannot turn it the wrong way.
 */
export const savePauseNoticeOptIn = validatedActionWithUser(z.object({ pauseNoticeOptIn: z.literal("on").optional() }), async (data, _form, user) => {
  const optIn = data.pauseNoticeOptIn === "on";
  const db = await getDb();
  await db.update(users).set({ pauseNoticeOptIn: optIn }).where(eq(users.id, user.id));
  return {
    ok: true,
    message: optIn ? "已开启休刊通知:本报休刊时会发邮件告诉您。" : "已关闭休刊通知。",
    values: { pauseNoticeOptIn: optIn ? "on" : "" },
  };
});
