"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormStatus, Gloss, Panel } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { savePauseNoticeOptIn } from "./pause-notice-actions";

/** The reader's 休刊通知 opt-in: a checkbox and a save button, usable without a mouse. */
export function PauseNoticeForm({ optedIn }: { optedIn: boolean }) {
  const t = useTranslations("account.pauseNotice");
  const [state, action, pending] = useActionState<ActionState, FormData>(savePauseNoticeOptIn, {});
  // After a save the server's answer wins; before, the stored choice.
  const checked = state.values && "pauseNoticeOptIn" in state.values ? state.values.pauseNoticeOptIn === "on" : optedIn;
  return (
    <Panel labelledBy="pause-notice-heading">
      <h2 id="pause-notice-heading" className="mb-3 font-serif text-lg font-bold">
        {t("heading")} <Gloss text={t("headingEnglish")} />
      </h2>
      <form action={action} className="space-y-3">
        <label className="flex items-start gap-3 text-sm">
          <input
            key={String(checked)}
            type="checkbox"
            name="pauseNoticeOptIn"
            defaultChecked={checked}
            className="mt-1 h-4 w-4 shrink-0 accent-brand"
          />
          <span>{t("label")}</span>
        </label>
        <FormStatus state={state} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md border border-brand px-4 py-1.5 text-sm text-brand transition hover:bg-brand hover:text-white disabled:cursor-wait disabled:opacity-60"
        >
          {pending ? t("saving") : t("save")}
        </button>
      </form>
    </Panel>
  );
}
