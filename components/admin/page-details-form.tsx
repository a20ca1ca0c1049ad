"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";

type Props = {
  issueId: number;
  number: number;
  name: string;
  editor: string | null;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** 版名 and 责任编辑 of one 版, side by side on wide screens. */
export function PageDetailsForm({ issueId, number, name, editor, action }: Props) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {});
  const nameId = `page-${number}-name`;
  const editorId = `page-${number}-editor`;
  const nameError = state.fieldErrors?.name;
  const editorError = state.fieldErrors?.editor;
  return (
    <form action={formAction} noValidate className="space-y-2" aria-label={`第${number}版 版名与责任编辑`}>
      <input type="hidden" name="issueId" value={issueId} />
      <input type="hidden" name="number" value={number} />
      <div className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <div className="space-y-1">
          <label htmlFor={nameId} className="block text-sm font-medium">
            版名 <span className="text-xs font-normal text-muted">Page name</span>
          </label>
          <input
            id={nameId}
            name="name"
            required
            maxLength={30}
            defaultValue={state.values?.name ?? name}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${nameId}-error` : undefined}
            className="block w-full rounded-md border border-rule bg-white px-2.5 py-1.5 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/20"
          />
          {nameError ? (
            <p id={`${nameId}-error`} className="text-xs text-brand">
              {nameError.join(" ")}
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor={editorId} className="block text-sm font-medium">
            责任编辑 <span className="text-xs font-normal text-muted">Page editor</span>
          </label>
          <input
            id={editorId}
            name="editor"
            maxLength={40}
            defaultValue={state.values?.editor ?? editor ?? ""}
            aria-invalid={editorError ? true : undefined}
            aria-describedby={editorError ? `${editorId}-error` : undefined}
            className="block w-full rounded-md border border-rule bg-white px-2.5 py-1.5 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/20"
          />
          {editorError ? (
            <p id={`${editorId}-error`} className="text-xs text-brand">
              {editorError.join(" ")}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md border border-ink px-3 py-1.5 text-sm transition hover:bg-ink hover:text-white disabled:cursor-wait disabled:opacity-60"
        >
          {pending ? "正在保存…" : "保存"}
        </button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
