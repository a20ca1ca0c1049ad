"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field, FormStatus, Gloss, SubmitButton } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { cancelHoldAction, placeHoldAction } from "./actions";

/** Two date fields; the server checks every rule and answers on the field it concerns. */
export function PlaceHoldForm({ min, max, hint }: { min: string | null; max: string; hint: string }) {
  const t = useTranslations("account.delivery");
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
          label={t("startsOn")}
          english={t("startsOnEnglish")}
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
          label={t("endsOn")}
          english={t("endsOnEnglish")}
          min={min ?? undefined}
          max={max}
          required
          hint={t("endsOnHint")}
          defaultValue={values.endsOn}
          errors={state.fieldErrors?.endsOn}
        />
      </div>
      <SubmitButton pending={pending} pendingText={t("submitting")}>
        {t("submit")} <Gloss text={t("submitEnglish")} className="ml-1 text-sm opacity-80" />
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
  const t = useTranslations("account.delivery");
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
            {t("confirmCancel", { span })}
          </p>
          <div className="flex flex-wrap gap-2">
            <button className={`${button} border-brand bg-brand text-white`} disabled={pending} autoFocus>
              {pending ? t("cancelling") : t("confirm")}
            </button>
            <button type="button" className={`${button} border-rule bg-white`} onClick={() => setConfirming(false)}>
              {t("dismiss")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={`${button} border-rule bg-white hover:border-ink`} onClick={() => setConfirming(true)}>
          {t("cancelHold")} <Gloss text={t("cancelHoldEnglish")} className="text-xs text-muted" />
        </button>
      )}
    </form>
  );
}
