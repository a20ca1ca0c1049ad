"use client";

import { useActionState, useState } from "react";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { cancelHoldAction, placeHoldAction } from "./actions";

/** Two date fields; the server checks every rule and answers on the field it concerns. */
export function PlaceHoldForm({ min, max, hint }: { min: string | null; max: string; hint: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(placeHoldAction, {});
  const values = state.values ?? {};
  return (
    <form action={action} className="space-y-4" noValidate aria-describedby="hold-rules">
      <FormStatus id="hold-status" state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="hold-starts"
          name="startsOn"
          type="date"
          label="暂停开始日期"
          english="From"
          min={min ?? undefined}
          max={max}
          required
          hint={hint}
          defaultValue={values.startsOn}
          errors={state.fieldErrors?.startsOn}
        />
        <Field
          id="hold-ends"
          name="endsOn"
          type="date"
          label="暂停结束日期(含当天)"
          english="Until"
          min={min ?? undefined}
          max={max}
          required
          hint="这一天的报纸也不投递"
          defaultValue={values.endsOn}
          errors={state.fieldErrors?.endsOn}
        />
      </div>
      <SubmitButton pending={pending} pendingText="正在提交…">
        暂停投递 <span className="ml-1 text-sm opacity-80">Hold delivery</span>
      </SubmitButton>
    </form>
  );
}

/**
 * Canceling asks once more: the paper then comes again on those days. It is
 * rendered for every hold and stays mounted after a cancel, so the
 * confirmation is still announced when the refreshed list no longer offers it.
 */
export function CancelHoldForm({ holdId, span, cancelable }: { holdId: number; span: string; cancelable: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(cancelHoldAction, {});
  const [confirming, setConfirming] = useState(false);
  const button = "rounded-md border px-3 py-1.5 text-sm disabled:opacity-60";
  if (state.ok || !cancelable) return state.ok ? <FormStatus state={state} /> : null;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="hold" value={holdId} />
      <FormStatus state={state} />
      {confirming ? (
        <div role="alertdialog" aria-labelledby={`cancel-hold-${holdId}`} className="space-y-2 rounded border border-brand/40 bg-brand/5 p-3">
          <p id={`cancel-hold-${holdId}`} className="text-sm">
            确定取消{span}的暂停投递吗?取消后这些日期的报纸将照常送达。
          </p>
          <div className="flex flex-wrap gap-2">
            <button className={`${button} border-brand bg-brand text-white`} disabled={pending} autoFocus>
              {pending ? "正在取消…" : "确认取消 Confirm"}
            </button>
            <button type="button" className={`${button} border-rule bg-white`} onClick={() => setConfirming(false)}>
              返回
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={`${button} border-rule bg-white hover:border-ink`} onClick={() => setConfirming(true)}>
          取消暂停 <span className="text-xs text-muted">Cancel hold</span>
        </button>
      )}
    </form>
  );
}
