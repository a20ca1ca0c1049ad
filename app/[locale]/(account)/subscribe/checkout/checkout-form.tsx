"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormStatus, SubmitButton } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { beginCheckout } from "../actions";

export function CheckoutForm({ planKey }: { planKey: string }) {
  const t = useTranslations("account.checkout");
  const [state, action, pending] = useActionState<ActionState, FormData>(beginCheckout, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="plan" value={planKey} />
      <FormStatus state={state} />
      <SubmitButton pending={pending} pendingText={t("paying")}>{t("pay")}</SubmitButton>
    </form>
  );
}
