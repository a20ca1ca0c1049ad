"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { acceptInvitationAction } from "./actions";

/**
 * `needsAccount`: no account has the invited email yet, so the form asks for
 * a name and the password twice. `signedIn`: the visitor is already signed in
 * as the invited account and can go straight to the staff area afterwards.
 */
export function AcceptInvitationForm({ token, needsAccount, signedIn }: { token: string; needsAccount: boolean; signedIn: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(acceptInvitationAction, {});
  const errors = state.fieldErrors ?? {};
  if (state.ok) {
    return (
      <div className="space-y-4">
        <FormStatus state={state} />
        {signedIn ? (
          <Link href="/admin" className="inline-block text-brand underline-offset-4 hover:underline">
            进入编辑后台
          </Link>
        ) : (
          <>
            <p className="text-sm text-muted">登录后即可进入编辑后台。</p>
            <Link href="/login?next=/admin" className="inline-block text-brand underline-offset-4 hover:underline">
              前往登录
            </Link>
          </>
        )}
      </div>
    );
  }
  return (
    <form action={action} noValidate className="space-y-4" aria-describedby="accept-status">
      <FormStatus id="accept-status" state={state} />
      <input type="hidden" name="token" value={token} />
      {needsAccount ? (
        <>
          <Field id="invite-name" name="name" type="text" label="姓名" english="Name" autoComplete="name" required maxLength={50} defaultValue={state.values?.name} errors={errors.name} />
          <Field
            id="invite-password"
            name="password"
            type="password"
            label="设置密码"
            english="Password"
            autoComplete="new-password"
            required
            minLength={10}
            maxLength={200}
            hint="至少 10 个字符。"
            errors={errors.password}
          />
          <Field
            id="invite-password-confirm"
            name="confirmPassword"
            type="password"
            label="确认密码"
            english="Confirm"
            autoComplete="new-password"
            required
            maxLength={200}
            errors={errors.confirmPassword}
          />
        </>
      ) : null}
      <SubmitButton pending={pending} pendingText="正在处理…">
        {needsAccount ? "创建账户并接受邀请" : "接受邀请"} <span className="ml-1 text-sm opacity-80">Accept</span>
      </SubmitButton>
    </form>
  );
}
