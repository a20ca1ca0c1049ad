"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions";
import { FormStatus } from "@/components/ui/form-parts";
import { resendVerification } from "./actions";

export function ResendVerificationForm() {
  const t = useTranslations("account.account");
  const [state, action, pending] = useActionState(resendVerification, {} as ActionState);
  return (
    <form action={action} className="mt-2 space-y-2">
      <button
        type="submit"
        disabled={pending || state.ok}
        className="rounded-md border border-brand px-3 py-1.5 text-sm text-brand transition hover:bg-brand hover:text-white disabled:opacity-60"
      >
        {pending ? t("sending") : t("resendVerification")}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
