"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions";
import { EmailField, Field, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import { requestEmailSignIn, signInWithEmailCode, signInWithPassword } from "./actions";

const initial: ActionState = {};

export function PasswordSignInForm({ next, notice }: { next?: string; notice?: string | null }) {
  const [state, action, pending] = useActionState(signInWithPassword, notice ? { error: notice } : initial);
  return (
    <form action={action} noValidate className="space-y-4" aria-describedby="password-signin-status">
      <FormStatus id="password-signin-status" state={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <EmailField
        id="password-email"
        autoComplete="username"
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <Field
        id="password-password"
        name="password"
        type="password"
        label="密码"
        english="Password"
        autoComplete="current-password"
        required
        maxLength={200}
        errors={state.fieldErrors?.password}
      />
      <SubmitButton pending={pending} pendingText="正在登录…">
        登录 <span className="ml-1 text-sm opacity-80">Sign in</span>
      </SubmitButton>
    </form>
  );
}

export function EmailSignInForms({ next }: { next?: string }) {
  const [request, requestAction, requesting] = useActionState(requestEmailSignIn, initial);
  const [verify, verifyAction, verifying] = useActionState(signInWithEmailCode, initial);
  const sentTo = request.ok ? request.values?.email : undefined;

  return (
    <div className="space-y-6">
      <form action={requestAction} noValidate className="space-y-4" aria-describedby="email-request-status">
        <FormStatus id="email-request-status" state={request} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <EmailField
          id="email-request-email"
          defaultValue={request.values?.email}
          errors={request.fieldErrors?.email}
          hint="我们会发送一封包含登录码和登录链接的邮件。"
        />
        <SubmitButton pending={requesting} pendingText="正在发送…">
          {sentTo ? "重新发送登录邮件" : "发送登录邮件"}
        </SubmitButton>
      </form>

      {sentTo ? (
        <form action={verifyAction} noValidate className="space-y-4 border-t border-rule pt-6" aria-describedby="email-code-status">
          <FormStatus id="email-code-status" state={verify} />
          <input type="hidden" name="email" value={sentTo} />
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <Field
            id="email-code"
            name="code"
            type="text"
            label="登录码"
            english="Code"
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            autoFocus
            hint={`已发送至 ${sentTo},15 分钟内有效。`}
            errors={verify.fieldErrors?.code}
            className="font-mono text-lg tracking-[0.4em]"
          />
          <SubmitButton pending={verifying} pendingText="正在登录…">
            用登录码登录 <span className="ml-1 text-sm opacity-80">Sign in</span>
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
