"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions";
import { EmailField, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import { requestPasswordReset } from "./actions";

export function RequestResetForm() {
  const t = useTranslations("account.resetPassword");
  const [state, action, pending] = useActionState(requestPasswordReset, {} as ActionState);
  return (
    <form action={action} noValidate className="space-y-4" aria-describedby="reset-request-status">
      <FormStatus id="reset-request-status" state={state} />
      <EmailField
        id="reset-email"
        label={t("email")}
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <SubmitButton pending={pending} pendingText={t("sending")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
