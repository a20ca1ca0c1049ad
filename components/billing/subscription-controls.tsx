"use client";

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
          {resuming ? "正在恢复…" : "恢复自动续费 Resume"}
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
            确定取消自动续费吗?{props.endsOn ? `${props.endsOn}之前仍可阅读全部内容。` : ""}
          </p>
          <div className="flex gap-2">
            <button className={`${button} border-brand bg-brand text-white`} disabled={cancelling} autoFocus>
              {cancelling ? "正在取消…" : "确认取消 Confirm"}
            </button>
            <button type="button" className={`${button} border-rule bg-white`} onClick={() => setConfirming(false)}>
              返回
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={`${button} border-rule bg-white`} onClick={() => setConfirming(true)}>
          到期后取消 Cancel at period end
        </button>
      )}
    </form>
  );
}

export function PortalButton({ action }: { action: Action }) {
  const [state, open, opening] = useActionState(action, {});
  return (
    <form action={open} className="space-y-2">
      <FormStatus state={state} />
      <button className="rounded-md border border-rule bg-white px-3 py-1.5 text-sm disabled:opacity-60" disabled={opening}>
        {opening ? "正在打开…" : "管理付款方式与账单 Manage billing"}
      </button>
    </form>
  );
}
