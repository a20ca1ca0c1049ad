"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { Gloss } from "@/app/[locale]/admin/issues/gloss";

type Props = {
  issueId: number;
  number: number;
  name: string;
  editor: string | null;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** 版名 and 责任编辑 of one 版, side by side on wide screens. */
export function PageDetailsForm({ issueId, number, name, editor, action }: Props) {
  const t = useTranslations("adminIssues.pageDetails");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {});
  const nameId = `page-${number}-name`;
  const editorId = `page-${number}-editor`;
  const nameError = state.fieldErrors?.name;
  const editorError = state.fieldErrors?.editor;
  return (
    <form action={formAction} noValidate className="space-y-2" aria-label={t("formLabel", { number: String(number) })}>
      <input type="hidden" name="issueId" value={issueId} />
      <input type="hidden" name="number" value={number} />
      <div className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <div className="space-y-1">
          <label htmlFor={nameId} className="block text-sm font-medium">
            {t("name")} <Gloss text={t("nameGloss")} className="text-xs font-normal text-muted" />
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
            {t("editor")} <Gloss text={t("editorGloss")} className="text-xs font-normal text-muted" />
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
          {pending ? t("saving") : t("save")}
        </button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
