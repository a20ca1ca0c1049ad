"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import { setNewPassword } from "../actions";

export function NewPasswordForm({ token }: { token: string }) {
  const t = useTranslations("account.newPassword");
  const [state, action, pending] = useActionState(setNewPassword, {} as ActionState);
  if (state.ok) {
    return (
      <div className="space-y-4">
        <FormStatus state={state} />
        <Link href="/login?next=/account" className="inline-block text-brand underline-offset-4 hover:underline">
          {t("goToLogin")}
        </Link>
      </div>
    );
  }
  return (
    <form action={action} noValidate className="space-y-4" aria-describedby="new-password-status">
      <FormStatus id="new-password-status" state={state} />
      <input type="hidden" name="token" value={token} />
      <Field
        id="new-password"
        name="password"
        type="password"
        label={t("password")}
        english={t("passwordEnglish")}
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={200}
        hint={t("passwordHint")}
        errors={state.fieldErrors?.password}
      />
      <Field
        id="new-password-confirm"
        name="confirmPassword"
        type="password"
        label={t("confirm")}
        english={t("confirmEnglish")}
        autoComplete="new-password"
        required
        maxLength={200}
        errors={state.fieldErrors?.confirmPassword}
      />
      <SubmitButton pending={pending} pendingText={t("saving")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
