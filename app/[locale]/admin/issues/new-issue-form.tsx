"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { createIssueAction } from "./actions";
import { Gloss } from "./gloss";

export type NewIssueValues = { date: string; number: string; pageCount: string };

/**
 * 新建期次. The date and number come pre-filled with the next issue; every rule
 * is checked on the server. A paused or non-publication day comes back as the
 * `override` field error: the form then shows the reason and the checkbox.
 */
export function NewIssueForm({ initial }: { initial: NewIssueValues }) {
  const t = useTranslations("adminIssues.newIssue");
  const [state, action, pending] = useActionState<ActionState, FormData>(createIssueAction, {});
  const values: Record<string, string> = { ...initial, ...state.values };
  const errors = state.fieldErrors ?? {};
  const overrideReason = errors.override?.join(" ");
  const showOverride = Boolean(overrideReason) || values.override === "on";

  return (
    <form action={action} noValidate className="space-y-5">
      <FormStatus state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="issue-date" name="date" type="date" label={t("date")} english={t("dateGloss")} required defaultValue={values.date} errors={errors.date} />
        <Field id="issue-number" name="number" type="number" inputMode="numeric" min={1} label={t("number")} english={t("numberGloss")} required defaultValue={values.number} errors={errors.number} />
        <Field
          id="issue-pages"
          name="pageCount"
          type="number"
          inputMode="numeric"
          min={1}
          max={32}
          label={t("pageCount")}
          english={t("pageCountGloss")}
          hint={t("pageCountHint")}
          required
          defaultValue={values.pageCount}
          errors={errors.pageCount}
        />
      </div>
      {showOverride ? (
        <div role="group" aria-labelledby="issue-override-reason" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p id="issue-override-reason">{overrideReason ?? t("notRegularDay")}</p>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="override" defaultChecked={values.override === "on"} className="h-4 w-4" />
            {t("override")} <Gloss text={t("overrideGloss")} className="text-xs text-muted" />
          </label>
        </div>
      ) : null}
      <SubmitButton pending={pending} pendingText={t("creating")}>
        {t("create")}
      </SubmitButton>
    </form>
  );
}
