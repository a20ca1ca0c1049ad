"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { validationMessage } from "@/lib/account-schemas";
import { validatedActionWithUser } from "@/lib/actions";
import { claimGift, isClaimToken, notifyGiftRecipient, startGiftCheckout } from "@/lib/billing/gifts";

const buySchema = z.object({
  plan: z.string().trim().min(1, validationMessage("giftPlanRequired")).max(64),
  recipientEmail: z.email(validationMessage("recipientEmailInvalid")).max(254).transform((e) => e.trim().toLowerCase()),
  message: z.string().trim().max(200, validationMessage("giftMessageTooLong")).optional(),
});

export const buyGift = validatedActionWithUser(buySchema, async ({ plan, recipientEmail, message }, _form, user) => {
  const result = await startGiftCheckout({ id: user.id, email: user.email, name: user.name }, { planKey: plan, recipientEmail, message });
  if ("error" in result) return { error: result.error };
  redirect(result.url);
});

export const sendGiftMail = validatedActionWithUser(z.object({ gift: z.coerce.number().int().positive().max(2_147_483_647) }), async ({ gift }, _form, user) =>
  notifyGiftRecipient(gift, user.id),
);

export const claimGiftAction = validatedActionWithUser(z.object({ token: z.string().refine(isClaimToken, validationMessage("giftLinkInvalid")) }), async ({ token }, _form, user) => {
  const result = await claimGift(token, user.id);
  if ("error" in result) return { error: result.error };
  redirect("/account?gift=claimed");
});
