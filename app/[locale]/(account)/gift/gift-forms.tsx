"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { buyGift, claimGiftAction, sendGiftMail } from "./actions";

type PlanOption = { key: string; label: string };

export function BuyGiftForm({ plans }: { plans: PlanOption[] }) {
  const t = useTranslations("account.gift");
  const [state, action, pending] = useActionState<ActionState, FormData>(buyGift, {});
  const values = state.values ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus state={state} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("planLegend")}</legend>
        {plans.map((p, i) => (
          <label key={p.key} className="flex items-center gap-2 rounded border border-rule bg-white px-3 py-2">
            <input type="radio" name="plan" value={p.key} defaultChecked={values.plan ? values.plan === p.key : i === 0} />
            {p.label}
          </label>
        ))}
      </fieldset>
      <Field id="gift-recipient" name="recipientEmail" type="email" label={t("recipient")} english={t("recipientEnglish")} autoComplete="off" required maxLength={254} defaultValue={values.recipientEmail} errors={state.fieldErrors?.recipientEmail} />
      <Field id="gift-message" name="message" label={t("message")} english={t("messageEnglish")} maxLength={200} defaultValue={values.message} errors={state.fieldErrors?.message} />
      <SubmitButton pending={pending} pendingText={t("paying")}>{t("buy")}</SubmitButton>
    </form>
  );
}

export function SendGiftForm({ giftId, sentBefore }: { giftId: number; sentBefore: boolean }) {
  const t = useTranslations("account.gift");
  const [state, action, pending] = useActionState<ActionState, FormData>(sendGiftMail, {});
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="gift" value={giftId} />
      <FormStatus state={state} />
      <SubmitButton pending={pending} pendingText={t("sending")}>{sentBefore ? t("sendAgain") : t("send")}</SubmitButton>
    </form>
  );
}

export function ClaimGiftForm({ token }: { token: string }) {
  const t = useTranslations("account.gift");
  const [state, action, pending] = useActionState<ActionState, FormData>(claimGiftAction, {});
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="token" value={token} />
      <FormStatus state={state} />
      <SubmitButton pending={pending} pendingText={t("claiming")}>{t("claim")}</SubmitButton>
    </form>
  );
}
