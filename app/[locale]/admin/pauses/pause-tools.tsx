"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { FormStatus, SubmitButton } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { paperDate, paperWeekday } from "@/lib/i18n/format";
import { attachPauseAction, deletePauseAction } from "./actions";
import type { IssueChoice } from "./queries";

/** Prints the notice as the 休刊公告 on page 1 of the chosen issue; again = rewrite that article. */
export function AttachNoticeForm({ pauseId, issues, attachedNumber }: { pauseId: number; issues: IssueChoice[]; attachedNumber: number | null }) {
  const t = useTranslations("adminPublishing.pauses.tools");
  const locale = useLocale();
  const [state, action, pending] = useActionState<ActionState, FormData>(attachPauseAction, {});
  const selected = issues.find((i) => i.number === attachedNumber)?.id ?? issues[0]?.id;
  if (issues.length === 0) return <p className="text-sm text-muted">{t("noIssues")}</p>;
  const errorId = state.fieldErrors?.issue ? "attach-issue-error" : undefined;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="id" value={pauseId} />
      <FormStatus state={state} />
      <div className="space-y-1.5">
        <label htmlFor="attach-issue" className="text-sm font-medium">
          {t("issue")} {t("issueGloss") ? <span className="text-xs font-normal text-muted">{t("issueGloss")}</span> : null}
        </label>
        <select
          id="attach-issue"
          name="issue"
          defaultValue={selected}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={errorId}
          className="block w-full rounded-md border border-rule bg-white px-3 py-2.5 text-base shadow-sm focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/20"
        >
          {issues.map((i) => (
            <option key={i.id} value={i.id}>
              {t("issueOption", { date: paperDate(i.date, locale), weekday: paperWeekday(i.date, locale), number: i.number, published: i.published ? "yes" : "no" })}
            </option>
          ))}
        </select>
        {errorId ? (
          <p id={errorId} className="text-sm text-brand">
            {state.fieldErrors!.issue!.join(" ")}
          </p>
        ) : null}
      </div>
      <SubmitButton pending={pending} pendingText={t("attaching")}>
        {attachedNumber ? t("update") : t("attach")}
      </SubmitButton>
    </form>
  );
}

/** Deleting takes two steps: the first button only asks, the second deletes. */
export function DeletePauseForm({ pauseId, label }: { pauseId: number; label: string }) {
  const t = useTranslations("adminPublishing.pauses.tools");
  const common = useTranslations("adminPublishing.common");
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState<ActionState, FormData>(deletePauseAction, {});
  const confirmButton = useRef<HTMLButtonElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Keyboard users land on the next step: the confirm button, or back on the first button after 取消.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) askButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button
        ref={askButton}
        type="button"
        onClick={() => setConfirming(true)}
        className="rounded-md border border-brand px-4 py-2 text-sm text-brand transition hover:bg-brand hover:text-white"
      >
        {t("deleteAsk")}
      </button>
    );
  }
  return (
    <form action={action} role="group" aria-labelledby="delete-pause-question" className="space-y-3 rounded-md border border-brand/40 bg-brand/5 p-4">
      <input type="hidden" name="id" value={pauseId} />
      <p id="delete-pause-question" className="text-sm">
        {t("deleteQuestion", { label })}
      </p>
      <FormStatus state={state} />
      <div className="flex flex-wrap gap-3">
        <button
          ref={confirmButton}
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white transition hover:bg-brand-dark disabled:cursor-wait disabled:opacity-60"
        >
          {pending ? common("deleting") : t("confirmDelete")}
        </button>
        <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-rule bg-white px-4 py-2 text-sm">
          {common("cancel")}
        </button>
      </div>
    </form>
  );
}
