"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { publishIssueAction, scheduleIssueAction, unpublishIssueAction } from "./actions";

type Step = { issueId: number; ask: string; question: string; confirm: string; pendingText: string; kind: "publish" | "unpublish" };

/** Publishing and withdrawing take two steps: the first button only asks, the second acts. */
export function ConfirmIssueAction({ issueId, ask, question, confirm, pendingText, kind }: Step) {
  const t = useTranslations("adminIssues.common");
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState<ActionState, FormData>(kind === "publish" ? publishIssueAction : unpublishIssueAction, {});
  const confirmButton = useRef<HTMLButtonElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const questionId = `${kind}-issue-question`;

  // Keyboard users land on the next step: the confirm button, or back on the first button after 取消.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) askButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const tone = kind === "publish" ? "border-brand bg-brand text-white hover:bg-brand-dark" : "border-brand text-brand hover:bg-brand hover:text-white";
  if (!confirming) {
    return (
      <button ref={askButton} type="button" onClick={() => setConfirming(true)} className={`rounded-md border px-4 py-2 text-sm transition ${tone}`}>
        {ask}
      </button>
    );
  }
  return (
    <form action={action} role="group" aria-labelledby={questionId} className="space-y-3 rounded-md border border-brand/40 bg-brand/5 p-4">
      <input type="hidden" name="id" value={issueId} />
      <p id={questionId} className="text-sm">
        {question}
      </p>
      <FormStatus state={state} />
      <div className="flex flex-wrap gap-3">
        <button
          ref={confirmButton}
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white transition hover:bg-brand-dark disabled:cursor-wait disabled:opacity-60"
        >
          {pending ? pendingText : confirm}
        </button>
        <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-rule bg-white px-4 py-2 text-sm">
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

/** 定时出版: the datetime-local value is Beijing wall time; the server converts it, not the browser. */
export function ScheduleIssueForm({ issueId, initial, min }: { issueId: number; initial: string; min: string }) {
  const t = useTranslations("adminIssues.schedule");
  const [state, action, pending] = useActionState<ActionState, FormData>(scheduleIssueAction, {});
  const value = state.values?.publishAt ?? initial;
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="id" value={issueId} />
      <FormStatus state={state} />
      <Field
        id="issue-publish-at"
        name="publishAt"
        type="datetime-local"
        label={t("label")}
        english={t("labelGloss")}
        hint={t("hint")}
        min={min}
        required
        defaultValue={value}
        errors={state.fieldErrors?.publishAt}
      />
      <SubmitButton pending={pending} pendingText={t("saving")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
