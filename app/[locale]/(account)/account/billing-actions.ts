"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { validationMessage } from "@/lib/account-schemas";
import { validatedActionWithUser } from "@/lib/actions";
import { openBillingPortal, setCancelAtPeriodEnd } from "@/lib/billing/manage";

const subscriptionForm = z.object({ subscription: z.string().regex(/^sub_\w{1,100}$/, validationMessage("subscriptionInvalid")) });

export const cancelSubscription = validatedActionWithUser(subscriptionForm, async ({ subscription }, _form, user) =>
  setCancelAtPeriodEnd(user.id, subscription, true),
);

export const resumeSubscription = validatedActionWithUser(subscriptionForm, async ({ subscription }, _form, user) =>
  setCancelAtPeriodEnd(user.id, subscription, false),
);

export const manageBilling = validatedActionWithUser(z.object({}), async (_data, _form, user) => {
  const result = await openBillingPortal(user.id);
  if ("error" in result) return result;
  redirect(result.url);
});
