"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { createCodesForIssueAction, deleteQrCodeAction, setQrCodeEnabledAction } from "@/app/[locale]/admin/qr/actions";
import { FormStatus } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { IssueOptions, type IssueOption } from "./qr-code-form";

/** A small English gloss after a Chinese label, with its space; none in English. */
function gloss(text: string, className: string): ReactNode {
  return text ? (
    <>
      {" "}
      <span className={className}>{text}</span>
    </>
  ) : null;
}

/** 停用 / 启用: one click; a disabled code shows the friendly page to scanners. */
export function QrEnableToggle({ id, enabled }: { id: number; enabled: boolean }) {
  const t = useTranslations("adminQr.tools");
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
        {enabled ? t("disable") : t("enable")}
        {gloss(enabled ? t("disableGloss") : t("enableGloss"), "text-xs text-muted")}
      </button>
    </form>
  );
}

/** 删除: asks first, since printed copies keep pointing at the code. */
export function QrDeleteButton({ id, code }: { id: number; code: string }) {
  const t = useTranslations("adminQr.tools");
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
        {t("delete")}
        {gloss(t("deleteGloss"), "text-xs")}
      </button>
    );
  }
  return (
    <form action={action} role="group" aria-labelledby="qr-delete-question" className="space-y-3 rounded-md border border-brand/40 bg-brand/5 p-4">
      <input type="hidden" name="id" value={id} />
      <p id="qr-delete-question" className="text-sm">
        {t("deleteQuestion", { code })}
      </p>
      <FormStatus state={state} />
      <div className="flex flex-wrap gap-3">
        <button
          ref={confirmButton}
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white transition hover:bg-brand-dark disabled:cursor-wait disabled:opacity-60"
        >
          {pending ? t("deleting") : t("confirmDelete")}
        </button>
        <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-rule bg-white px-4 py-2 text-sm">
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

/** 为本期所有稿件生成二维码: for the layout team, one step per issue; running it twice adds nothing twice. */
export function QrIssueBulkForm({ issues }: { issues: IssueOption[] }) {
  const t = useTranslations("adminQr.tools");
  const [state, action, pending] = useActionState<ActionState, FormData>(createCodesForIssueAction, {});
  return (
    <form action={action} className="space-y-3" aria-labelledby="qr-bulk-heading">
      <FormStatus state={state} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="qr-bulk-issue" className="block text-sm font-medium">
            {t("issue")}
            {gloss(t("issueGloss"), "text-xs font-normal text-muted")}
          </label>
          <select id="qr-bulk-issue" name="issueId" required defaultValue="" className="rounded-md border border-rule bg-white px-3 py-2 text-sm">
            <IssueOptions issues={issues} />
          </select>
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark disabled:cursor-wait disabled:opacity-60"
        >
          {pending ? t("generating") : t("bulkSubmit")}
          {gloss(t("bulkSubmitGloss"), "text-xs opacity-80")}
        </button>
      </div>
    </form>
  );
}
