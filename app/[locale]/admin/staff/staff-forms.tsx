"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("adminPeople.staff.forms");
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
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

export function RemoveStaffButton({ userId, label }: { userId: string; label: string }) {
  const t = useTranslations("adminPeople.staff.forms.remove");
  return (
    <ConfirmAction
      action={changeRoleAction}
      fields={{ userId, role: "member" }}
      ask={t("ask")}
      question={t("question", { label })}
      confirm={t("confirm")}
      pendingText={t("pending")}
    />
  );
}

export function ChangeRoleButton({ userId, label, role }: { userId: string; label: string; role: "editor" | "admin" }) {
  const t = useTranslations("adminPeople.staff.forms.changeRole");
  return (
    <ConfirmAction
      action={changeRoleAction}
      fields={{ userId, role }}
      ask={t("ask", { role })}
      question={t("question", { label, role })}
      confirm={t("confirm", { role })}
      pendingText={t("pending")}
      tone="plain"
    />
  );
}

export function RevokeInvitationButton({ id, email }: { id: number; email: string }) {
  const t = useTranslations("adminPeople.staff.forms.revoke");
  return (
    <ConfirmAction
      action={revokeInvitationAction}
      fields={{ id }}
      ask={t("ask")}
      question={t("question", { email })}
      confirm={t("confirm")}
      pendingText={t("pending")}
    />
  );
}

export function InviteStaffForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(inviteStaffAction, {});
  const t = useTranslations("adminPeople.staff.forms.invite");
  const hint = (text: string, className: string) => (text ? <span className={className}>{text}</span> : null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  const role = state.ok ? "editor" : (state.values?.role ?? "editor");
  return (
    <form ref={formRef} action={action} noValidate className="space-y-4" aria-describedby="invite-status">
      <FormStatus id="invite-status" state={state} />
      <EmailField id="invite-email" label={t("email")} english={t("emailHint")} defaultValue={state.ok ? "" : state.values?.email} errors={state.fieldErrors?.email} autoComplete="off" />
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-ink">
          {t("role")} {hint(t("roleHint"), "ml-1 text-xs text-muted")}
        </legend>
        <div className="flex flex-wrap gap-4 text-sm" key={role}>
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="editor" defaultChecked={role === "editor"} /> {t("editor")} {hint(t("editorHint"), "text-xs text-muted")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="admin" defaultChecked={role === "admin"} /> {t("admin")} {hint(t("adminHint"), "text-xs text-muted")}
          </label>
        </div>
        {state.fieldErrors?.role ? <p className="text-sm text-brand">{state.fieldErrors.role.join(" ")}</p> : null}
      </fieldset>
      <p className="text-xs text-muted">{t("note")}</p>
      <SubmitButton pending={pending} pendingText={t("sending")}>
        {t("send")} {hint(t("sendHint"), "ml-1 text-sm opacity-80")}
      </SubmitButton>
    </form>
  );
}
