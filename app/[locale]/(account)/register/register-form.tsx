"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions";
import { EmailField, Field, FormStatus, Gloss, SubmitButton } from "@/components/ui/form-parts";
import { register } from "./actions";

export function RegisterForm({ next }: { next?: string }) {
  const t = useTranslations("account.register");
  const [state, action, pending] = useActionState(register, {} as ActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-4" aria-describedby="register-status">
      <FormStatus id="register-status" state={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field id="register-name" name="name" type="text" label={t("name")} english={t("nameEnglish")} autoComplete="name" maxLength={50} defaultValue={state.values?.name} errors={errors.name} />
      <EmailField
        id="register-email"
        defaultValue={state.values?.email}
        errors={errors.email}
      />
      <Field
        id="register-password"
        name="password"
        type="password"
        label={t("password")}
        english={t("passwordEnglish")}
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={200}
        hint={t("passwordHint")}
        errors={errors.password}
      />
      <Field
        id="register-confirm"
        name="confirmPassword"
        type="password"
        label={t("confirm")}
        english={t("confirmEnglish")}
        autoComplete="new-password"
        required
        maxLength={200}
        errors={errors.confirmPassword}
      />
      <SubmitButton pending={pending} pendingText={t("submitting")}>
        {t("submit")} <Gloss text={t("submitEnglish")} className="ml-1 text-sm opacity-80" />
      </SubmitButton>
    </form>
  );
}
