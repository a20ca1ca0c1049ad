"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions";
import { EmailField, Field, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import { register } from "./actions";

export function RegisterForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(register, {} as ActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-4" aria-describedby="register-status">
      <FormStatus id="register-status" state={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field id="register-name" name="name" type="text" label="称呼(选填)" english="Name" autoComplete="name" maxLength={50} defaultValue={state.values?.name} errors={errors.name} />
      <EmailField
        id="register-email"
        defaultValue={state.values?.email}
        errors={errors.email}
      />
      <Field
        id="register-password"
        name="password"
        type="password"
        label="密码"
        english="Password"
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={200}
        hint="至少 10 个字符。可以使用一句好记的话。"
        errors={errors.password}
      />
      <Field
        id="register-confirm"
        name="confirmPassword"
        type="password"
        label="确认密码"
        english="Confirm"
        autoComplete="new-password"
        required
        maxLength={200}
        errors={errors.confirmPassword}
      />
      <SubmitButton pending={pending} pendingText="正在注册…">
        注册 <span className="ml-1 text-sm opacity-80">Create account</span>
      </SubmitButton>
    </form>
  );
}
