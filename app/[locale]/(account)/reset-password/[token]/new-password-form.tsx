"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import { setNewPassword } from "../actions";

export function NewPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(setNewPassword, {} as ActionState);
  if (state.ok) {
    return (
      <div className="space-y-4">
        <FormStatus state={state} />
        <Link href="/login?next=/account" className="inline-block text-brand underline-offset-4 hover:underline">
          前往登录
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
        label="新密码"
        english="New password"
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={200}
        hint="至少 10 个字符。"
        errors={state.fieldErrors?.password}
      />
      <Field
        id="new-password-confirm"
        name="confirmPassword"
        type="password"
        label="确认新密码"
        english="Confirm"
        autoComplete="new-password"
        required
        maxLength={200}
        errors={state.fieldErrors?.confirmPassword}
      />
      <SubmitButton pending={pending} pendingText="正在保存…">
        设置新密码
      </SubmitButton>
    </form>
  );
}
