"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { WEEKDAY_KEYS } from "@/lib/schedule";
import { addScheduleChangeAction, deleteScheduleChangeAction } from "./actions";

export function ScheduleChangeForm({ current }: { current: readonly number[] }) {
  const t = useTranslations("adminPublishing.schedule.form");
  const day = useTranslations("adminPublishing.weekdays");
  const common = useTranslations("adminPublishing.common");
  const [state, action, pending] = useActionState<ActionState, FormData>(addScheduleChangeAction, {});
  return (
    <form action={action} className="space-y-4">
      <FormStatus state={state} />
      <Field
        id="effective-from"
        name="effectiveFrom"
        type="date"
        label={t("effectiveFrom")}
        english={t("effectiveFromGloss")}
        required
        errors={state.fieldErrors?.effectiveFrom}
      />
      <fieldset aria-describedby={state.fieldErrors?.weekdays ? "weekdays-error" : undefined}>
        <legend className="text-sm font-medium">{t("weekdays")}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {WEEKDAY_KEYS.map((key, i) => (
            <label key={key} className="flex items-center gap-1 rounded border border-rule bg-white px-2 py-1 text-sm">
              <input type="checkbox" name="weekdays" value={i + 1} defaultChecked={current.includes(i + 1)} />
              {day(key)}
            </label>
          ))}
        </div>
        {state.fieldErrors?.weekdays && (
          <p id="weekdays-error" className="mt-1 text-sm text-brand">
            {state.fieldErrors.weekdays.join(" ")}
          </p>
        )}
      </fieldset>
      <SubmitButton pending={pending} pendingText={common("saving")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}

export function WithdrawChangeForm({ id }: { id: number }) {
  const t = useTranslations("adminPublishing.schedule.form");
  const [state, action, pending] = useActionState<ActionState, FormData>(deleteScheduleChangeAction, {});
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(t("withdrawConfirm"))) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <FormStatus state={state} />
      <button className="rounded border border-rule bg-white px-2 py-1 text-sm disabled:opacity-60" disabled={pending}>
        {t("withdraw")}
      </button>
    </form>
  );
}
