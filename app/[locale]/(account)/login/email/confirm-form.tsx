"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions";
import { FormStatus, Gloss, SubmitButton } from "@/components/ui/form-parts";
import { signInWithEmailLink } from "../actions";

export function ConfirmEmailSignInForm({ token, next }: { token: string; next?: string }) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(signInWithEmailLink, {} as ActionState);
  return (
    <form action={action} className="space-y-4">
      <FormStatus state={state} />
      <input type="hidden" name="token" value={token} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <SubmitButton pending={pending} pendingText={t("login.signingIn")}>
        {t("emailLink.submit")} <Gloss text={t("emailLink.submitEnglish")} className="ml-1 text-sm opacity-80" />
      </SubmitButton>
    </form>
  );
}
