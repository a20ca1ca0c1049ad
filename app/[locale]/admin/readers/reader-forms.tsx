"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { FormStatus } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import type { Role } from "@/lib/roles";
import { changeRoleAction, confirmImportAction, grantCompAction, revokeCompAction } from "./actions";

const primary = "rounded-md bg-brand px-4 py-2 text-sm font-medium text-white transition hover:bg-brand-dark disabled:cursor-wait disabled:opacity-60";
const secondary = "rounded-md border border-rule bg-white px-4 py-2 text-sm hover:border-ink";

export type DurationOption = { value: string; label: string; english: string };

/** The short English name the Chinese UI shows beside a label (empty in the English UI). */
const Hint = ({ text, className = "text-xs font-normal text-muted" }: { text: string; className?: string }) => (text ? <span className={className}>{text}</span> : null);

/** 赠送阅读权限: one of the fixed lengths, and a note saying why (kept with the window and in the audit log). */
export function GrantCompForm({ userId, durations, noteMax }: { userId: string; durations: DurationOption[]; noteMax: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(grantCompAction, {});
  const t = useTranslations("adminPeople.readers.forms");
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={action} className="space-y-4">
      <input type="hidden" name="userId" value={userId} />
      <FormStatus state={state} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">
          {t("duration")} <Hint text={t("durationHint")} />
        </legend>
        <div className="flex flex-wrap gap-2">
          {durations.map((d, i) => (
            <label key={d.value} className="flex cursor-pointer items-center gap-2 rounded-md border border-rule bg-white px-3 py-2 text-sm has-[:checked]:border-brand has-[:checked]:bg-brand/5">
              <input type="radio" name="duration" value={d.value} defaultChecked={i === 1} required />
              {d.label}
              {d.english ? (
                <span aria-hidden="true" className="text-xs text-muted">
                  {d.english}
                </span>
              ) : null}
            </label>
          ))}
        </div>
        {state.fieldErrors?.duration ? <p className="text-sm text-brand">{state.fieldErrors.duration.join(" ")}</p> : null}
      </fieldset>
      <div className="space-y-1.5">
        <label htmlFor="comp-note" className="text-sm font-medium">
          {t("note")} <Hint text={t("noteHint")} />
        </label>
        <input
          id="comp-note"
          name="note"
          maxLength={noteMax}
          defaultValue={state.ok ? "" : (state.values?.note ?? "")}
          placeholder={t("notePlaceholder")}
          aria-invalid={state.fieldErrors?.note ? true : undefined}
          aria-describedby={state.fieldErrors?.note ? "comp-note-error" : undefined}
          className="block w-full rounded-md border border-rule bg-white px-3 py-2 text-base"
        />
        {state.fieldErrors?.note ? (
          <p id="comp-note-error" className="text-sm text-brand">
            {state.fieldErrors.note.join(" ")}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className={primary}>
        {pending ? t("granting") : t("grant")}
      </button>
    </form>
  );
}

/** 收回赠阅 takes two steps: the first button only asks, the second acts. */
export function RevokeCompButton({ userId, windowId, description }: { userId: string; windowId: number; description: string }) {
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState<ActionState, FormData>(revokeCompAction, {});
  const t = useTranslations("adminPeople.readers.forms");
  const confirmButton = useRef<HTMLButtonElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const questionId = `revoke-comp-${windowId}`;

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) askButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (state.ok) return <FormStatus state={state} />;
  if (!confirming) {
    return (
      <button ref={askButton} type="button" onClick={() => setConfirming(true)} className="rounded-md border border-brand px-3 py-1.5 text-sm text-brand hover:bg-brand hover:text-white">
        {t("revokeAsk")}
      </button>
    );
  }
  return (
    <form action={action} role="group" aria-labelledby={questionId} className="space-y-3 rounded-md border border-brand/40 bg-brand/5 p-3">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="windowId" value={windowId} />
      <p id={questionId} className="text-sm">
        {t("revokeQuestion", { description })}
      </p>
      <FormStatus state={state} />
      <div className="flex flex-wrap gap-3">
        <button ref={confirmButton} type="submit" disabled={pending} className={primary}>
          {pending ? t("revoking") : t("revokeConfirm")}
        </button>
        <button type="button" onClick={() => setConfirming(false)} className={secondary}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

const roleOptions: readonly Role[] = ["member", "editor", "admin"];

/** 角色: lib/staff.ts holds the rules (admins only; the last admin stays). */
export function RoleForm({ userId, role }: { userId: string; role: Role }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(changeRoleAction, {});
  const t = useTranslations("adminPeople.readers.forms");
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="userId" value={userId} />
      <div className="space-y-1">
        <label htmlFor="reader-role" className="block text-sm font-medium">
          {t("role")} <Hint text={t("roleHint")} />
        </label>
        <select id="reader-role" name="role" defaultValue={role} className="rounded-md border border-rule bg-white px-3 py-2 text-sm">
          {roleOptions.map((r) => (
            <option key={r} value={r}>
              {t(`roleOptions.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending} className={secondary}>
        {pending ? t("saving") : t("changeRole")}
      </button>
      <div className="basis-full">
        <FormStatus state={state} />
      </div>
    </form>
  );
}

/** 确认导入: imports the staged file after checking it once more. */
export function ConfirmImportForm({ check, summary }: { check: string; summary: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(confirmImportAction, {});
  const t = useTranslations("adminPeople.readers.forms");
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="check" value={check} />
      <p className="text-sm">{summary}</p>
      <FormStatus state={state} />
      <button type="submit" disabled={pending} className={primary}>
        {pending ? t("importing") : t("confirmImport")}
      </button>
    </form>
  );
}
