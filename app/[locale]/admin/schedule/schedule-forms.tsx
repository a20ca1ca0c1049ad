"use client";

import { useActionState } from "react";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { addScheduleChangeAction, deleteScheduleChangeAction } from "./actions";

const names = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

export function ScheduleChangeForm({ current }: { current: readonly number[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(addScheduleChangeAction, {});
  return (
    <form action={action} className="space-y-4">
      <FormStatus state={state} />
      <Field id="effective-from" name="effectiveFrom" type="date" label="生效日期" english="Effective from" required errors={state.fieldErrors?.effectiveFrom} />
      <fieldset aria-describedby={state.fieldErrors?.weekdays ? "weekdays-error" : undefined}>
        <legend className="text-sm font-medium">出版日</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {names.map((name, i) => (
            <label key={name} className="flex items-center gap-1 rounded border border-rule bg-white px-2 py-1 text-sm">
              <input type="checkbox" name="weekdays" value={i + 1} defaultChecked={current.includes(i + 1)} />
              {name}
            </label>
          ))}
        </div>
        {state.fieldErrors?.weekdays && (
          <p id="weekdays-error" className="mt-1 text-sm text-brand">
            {state.fieldErrors.weekdays.join(" ")}
          </p>
        )}
      </fieldset>
      <SubmitButton pending={pending} pendingText="正在保存…">保存日程变更</SubmitButton>
    </form>
  );
}

export function WithdrawChangeForm({ id }: { id: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(deleteScheduleChangeAction, {});
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm("确定撤回这项尚未生效的日程变更吗?")) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <FormStatus state={state} />
      <button className="rounded border border-rule bg-white px-2 py-1 text-sm disabled:opacity-60" disabled={pending}>
        撤回
      </button>
    </form>
  );
}
