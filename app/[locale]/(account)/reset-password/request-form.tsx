"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions";
import { EmailField, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import { requestPasswordReset } from "./actions";

export function RequestResetForm() {
  const [state, action, pending] = useActionState(requestPasswordReset, {} as ActionState);
  return (
    <form action={action} noValidate className="space-y-4" aria-describedby="reset-request-status">
      <FormStatus id="reset-request-status" state={state} />
      <EmailField
        id="reset-email"
        label="注册邮箱"
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <SubmitButton pending={pending} pendingText="正在发送…">
        发送重设邮件
      </SubmitButton>
    </form>
  );
}
