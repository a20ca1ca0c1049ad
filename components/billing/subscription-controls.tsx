"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormStatus } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** Cancel-at-period-end asks once more before it acts; resume and the billing portal act at once. */
export function SubscriptionControls(props: {
  subscriptionId: string;
  cancelAtPeriodEnd: boolean;
  endsOn: string | null;
  cancel: Action;
  resume: Action;
}) {
  const t = useTranslations("account.billing");
  const [cancelState, cancel, cancelling] = useActionState(props.cancel, {});
  const [resumeState, resume, resuming] = useActionState(props.resume, {});
  const [confirming, setConfirming] = useState(false);
  const button = "rounded-md border px-3 py-1.5 text-sm disabled:opacity-60";

  if (props.cancelAtPeriodEnd) {
    return (
      <form action={resume} className="space-y-2">
        <input type="hidden" name="subscription" value={props.subscriptionId} />
        <FormStatus state={resumeState} />
        <button className={`${button} border-brand bg-brand text-white`} disabled={resuming}>
          {resuming ? t("resuming") : t("resume")}
        </button>
      </form>
    );
  }
  return (
    <form action={cancel} className="space-y-2">
      <input type="hidden" name="subscription" value={props.subscriptionId} />
      <FormStatus state={cancelState} />
      {confirming ? (
        <div role="alertdialog" aria-labelledby={`confirm-${props.subscriptionId}`} className="space-y-2 rounded border border-brand/40 bg-brand/5 p-3">
          <p id={`confirm-${props.subscriptionId}`} className="text-sm">
            {props.endsOn ? t("confirmCancelUntil", { date: props.endsOn }) : t("confirmCancel")}
          </p>
          <div className="flex gap-2">
            <button className={`${button} border-brand bg-brand text-white`} disabled={cancelling} autoFocus>
              {cancelling ? t("cancelling") : t("confirm")}
            </button>
            <button type="button" className={`${button} border-rule bg-white`} onClick={() => setConfirming(false)}>
              {t("dismiss")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={`${button} border-rule bg-white`} onClick={() => setConfirming(true)}>
          {t("cancelAtPeriodEnd")}
        </button>
      )}
    </form>
  );
}

export function PortalButton({ action }: { action: Action }) {
  const t = useTranslations("account.billing");
  const [state, open, opening] = useActionState(action, {});
  return (
    <form action={open} className="space-y-2">
      <FormStatus state={state} />
      <button className="rounded-md border border-rule bg-white px-3 py-1.5 text-sm disabled:opacity-60" disabled={opening}>
        {opening ? t("opening") : t("manage")}
      </button>
    </form>
  );
}
