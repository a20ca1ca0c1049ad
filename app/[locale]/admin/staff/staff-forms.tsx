"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { EmailField, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { changeRoleAction, inviteStaffAction, revokeInvitationAction } from "./actions";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * A destructive or weighty step in two clicks: the first button only asks,
 * the second (focused for keyboard users) acts. The outcome stays visible.
 */
export function ConfirmAction({
  action,
  fields,
  ask,
  question,
  confirm,
  pendingText,
  tone = "danger",
}: {
  action: Action;
  fields: Record<string, string | number>;
  ask: string;
  question: string;
  confirm: string;
  pendingText: string;
  tone?: "danger" | "plain";
}) {
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (previous, formData) => {
    const result = await action(previous, formData);
    // Back to the single button, with the outcome shown under it.
    setConfirming(false);
    return result;
  }, {});
  const confirmButton = useRef<HTMLButtonElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const questionId = `confirm-${Object.values(fields).join("-")}-${ask}`.replace(/[^\w-]/g, "");

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) askButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const askTone = tone === "danger" ? "border-brand text-brand hover:bg-brand hover:text-white" : "border-rule text-ink hover:border-brand hover:text-brand";
  if (!confirming) {
    return (
      <div className="space-y-2">
        <button ref={askButton} type="button" onClick={() => setConfirming(true)} className={`rounded-md border bg-white px-3 py-1.5 text-sm transition ${askTone}`}>
          {ask}
        </button>
        {state.error || state.message ? <FormStatus state={state} /> : null}
      </div>
    );
  }
  return (
    <form action={formAction} role="group" aria-labelledby={questionId} className="space-y-3 rounded-md border border-brand/40 bg-brand/5 p-3">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p id={questionId} className="text-sm">
        {question}
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          ref={confirmButton}
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white transition hover:bg-brand-dark disabled:cursor-wait disabled:opacity-60"
        >
          {pending ? pendingText : confirm}
        </button>
        <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-rule bg-white px-3 py-1.5 text-sm">
          取消
        </button>
      </div>
    </form>
  );
}

export function RemoveStaffButton({ userId, label }: { userId: string; label: string }) {
  return (
    <ConfirmAction
      action={changeRoleAction}
      fields={{ userId, role: "member" }}
      ask="移出员工"
      question={`确定将 ${label} 移出员工吗?其账户保留为普通读者,立即失去编辑后台权限。`}
      confirm="确定移出"
      pendingText="正在移出…"
    />
  );
}

export function ChangeRoleButton({ userId, label, role }: { userId: string; label: string; role: "editor" | "admin" }) {
  const name = role === "admin" ? "管理员" : "编辑";
  return (
    <ConfirmAction
      action={changeRoleAction}
      fields={{ userId, role }}
      ask={`设为${name}`}
      question={`确定将 ${label} 设为${name}吗?`}
      confirm={`确定设为${name}`}
      pendingText="正在保存…"
      tone="plain"
    />
  );
}

export function RevokeInvitationButton({ id, email }: { id: number; email: string }) {
  return (
    <ConfirmAction
      action={revokeInvitationAction}
      fields={{ id }}
      ask="撤回邀请"
      question={`确定撤回发给 ${email} 的邀请吗?邮件中的链接将立即失效。`}
      confirm="确定撤回"
      pendingText="正在撤回…"
    />
  );
}

export function InviteStaffForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(inviteStaffAction, {});
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  const role = state.ok ? "editor" : (state.values?.role ?? "editor");
  return (
    <form ref={formRef} action={action} noValidate className="space-y-4" aria-describedby="invite-status">
      <FormStatus id="invite-status" state={state} />
      <EmailField id="invite-email" label="被邀请人邮箱" defaultValue={state.ok ? "" : state.values?.email} errors={state.fieldErrors?.email} autoComplete="off" />
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-ink">
          角色 <span className="ml-1 text-xs text-muted">Role</span>
        </legend>
        <div className="flex flex-wrap gap-4 text-sm" key={role}>
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="editor" defaultChecked={role === "editor"} /> 编辑 <span className="text-xs text-muted">Editor</span>
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="admin" defaultChecked={role === "admin"} /> 管理员 <span className="text-xs text-muted">Admin</span>
          </label>
        </div>
        {state.fieldErrors?.role ? <p className="text-sm text-brand">{state.fieldErrors.role.join(" ")}</p> : null}
      </fieldset>
      <p className="text-xs text-muted">邀请链接 7 天内有效,只能使用一次;再次邀请同一邮箱会使旧链接失效。</p>
      <SubmitButton pending={pending} pendingText="正在发送…">
        发送邀请 <span className="ml-1 text-sm opacity-80">Send invitation</span>
      </SubmitButton>
    </form>
  );
}
