"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { validationMessage } from "@/lib/account-schemas";
import { validatedActionWithUser } from "@/lib/actions";
import { startCheckout } from "@/lib/billing/checkout";
import { currentQrRef } from "@/lib/qr/attribution";

const schema = z.object({ plan: z.string().trim().min(1, validationMessage("planRequired")).max(64) });

/** Starts Stripe Checkout for the signed-in reader; a reader with a live subscription is sent to manage it. */
export const beginCheckout = validatedActionWithUser(schema, async ({ plan }, _formData, user) => {
  const result = await startCheckout({ id: user.id, email: user.email, name: user.name }, plan, await currentQrRef());
  if ("manage" in result) redirect("/account?manage=1#billing");
  if ("error" in result) return { error: result.error };
  redirect(result.url);
});
