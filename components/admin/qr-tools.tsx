"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { createCodesForIssueAction, deleteQrCodeAction, setQrCodeEnabledAction } from "@/app/[locale]/admin/qr/actions";
import { FormStatus } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import type { IssueOption } from "./qr-code-form";

/** 停用 / 启用: one click; a disabled code shows the friendly page to scanners. */
export function QrEnableToggle({ id, enabled }: { id: number; enabled: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setQrCodeEnabledAction, {});
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="enabled" value={enabled ? "0" : "1"} />
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-ink bg-white px-4 py-2 text-sm hover:bg-stone-100 disabled:cursor-wait disabled:opacity-60"
      >
        {enabled ? "停用二维码" : "启用二维码"} <span className="text-xs text-muted">{enabled ? "Disable" : "Enable"}</span>
      </button>
    </form>
  );
}

/** 删除: asks first, since printed copies keep pointing at the code. */
export function QrDeleteButton({ id, code }: { id: number; code: string }) {
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState<ActionState, FormData>(deleteQrCodeAction, {});
  const confirmButton = useRef<HTMLButtonElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) askButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button ref={askButton} type="button" onClick={() => setConfirming(true)} className="rounded-md border border-brand px-4 py-2 text-sm text-brand transition hover:bg-brand hover:text-white">
        删除二维码 <span className="text-xs">Delete</span>
      </button>
    );
  }
  return (
    <form action={action} role="group" aria-labelledby="qr-delete-question" className="space-y-3 rounded-md border border-brand/40 bg-brand/5 p-4">
      <input type="hidden" name="id" value={id} />
      <p id="qr-delete-question" className="text-sm">
        确定删除二维码 {code}?已印出的二维码将显示「二维码无效」页面,转化记录随之删除,扫码记录保留为未知二维码。如只是暂停使用,请改用「停用」。
      </p>
      <FormStatus state={state} />
      <div className="flex flex-wrap gap-3">
        <button
          ref={confirmButton}
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white transition hover:bg-brand-dark disabled:cursor-wait disabled:opacity-60"
        >
          {pending ? "正在删除…" : "确认删除"}
        </button>
        <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-rule bg-white px-4 py-2 text-sm">
          取消
        </button>
      </div>
    </form>
  );
}

/** 为本期所有稿件生成二维码: for the layout team, one step per issue; running it twice adds nothing twice. */
export function QrIssueBulkForm({ issues }: { issues: IssueOption[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(createCodesForIssueAction, {});
  return (
    <form action={action} className="space-y-3" aria-labelledby="qr-bulk-heading">
      <FormStatus state={state} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="qr-bulk-issue" className="block text-sm font-medium">
            期次 <span className="text-xs font-normal text-muted">Issue</span>
          </label>
          <select id="qr-bulk-issue" name="issueId" required defaultValue="" className="rounded-md border border-rule bg-white px-3 py-2 text-sm">
            <option value="">请选择期次</option>
            {issues.map((i) => (
              <option key={i.id} value={i.id}>
                总第{i.number}期 · {i.date}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark disabled:cursor-wait disabled:opacity-60"
        >
          {pending ? "正在生成…" : "为本期所有稿件生成二维码"} <span className="text-xs opacity-80">Codes for every article</span>
        </button>
      </div>
    </form>
  );
}
