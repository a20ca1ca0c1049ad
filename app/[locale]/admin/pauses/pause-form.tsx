"use client";

import { useActionState, useRef, useState, useTransition } from "react";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { addDays, chineseDate, isIsoDate } from "@/lib/dates";
import { draftNoticeAction, savePauseAction } from "./actions";

export type PauseFormValues = {
  id?: string;
  startsOn: string;
  endsOn: string;
  reason: string;
  basis: string;
  announceOn: string;
  noticeText: string;
};

const NOTICE_ID = "pause-notice";

/**
 * Create or edit a pause. Dates are native date inputs (a picker on phones,
 * typed text where a browser has none); every rule is checked on the server
 * and comes back as field errors. The notice is the one controlled field, so
 * "生成公告草稿" can fill it and a failed save keeps what was typed.
 */
export function PauseForm({ initial, submitLabel }: { initial: PauseFormValues; submitLabel: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(savePauseAction, {});
  const values: PauseFormValues = { ...initial, ...state.values };
  const errors = state.fieldErrors ?? {};
  const form = useRef<HTMLFormElement>(null);
  const [notice, setNotice] = useState(initial.noticeText);
  const [startsOn, setStartsOn] = useState(initial.startsOn);
  const [draft, setDraft] = useState<ActionState>({});
  const [drafting, startDrafting] = useTransition();

  function requestDraft() {
    if (!form.current) return;
    const data = new FormData(form.current);
    data.delete("noticeText");
    startDrafting(async () => {
      const result = await draftNoticeAction({}, data);
      if (result.ok && result.message) {
        setNotice(result.message);
        setDraft({ message: "已生成草稿,可在保存前修改。" });
      } else {
        const details = Object.values(result.fieldErrors ?? {}).flat();
        setDraft({ error: `无法生成草稿:${details.length ? details.join(";") : (result.error ?? "请稍后再试")}` });
      }
    });
  }

  const defaultAnnounce = isIsoDate(startsOn) ? chineseDate(addDays(startsOn, -7)) : null;

  return (
    <form ref={form} action={action} noValidate className="space-y-5">
      <FormStatus state={state} />
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="pause-starts"
          name="startsOn"
          type="date"
          label="休刊开始日期"
          english="From"
          required
          defaultValue={values.startsOn}
          onChange={(e) => setStartsOn(e.currentTarget.value)}
          errors={errors.startsOn}
        />
        <Field
          id="pause-ends"
          name="endsOn"
          type="date"
          label="休刊结束日期"
          english="To"
          hint="留空表示只休刊一天"
          defaultValue={values.endsOn}
          errors={errors.endsOn}
        />
      </div>
      <Field id="pause-reason" name="reason" label="休刊原因" english="Reason" placeholder="如 劳动节" required maxLength={50} defaultValue={values.reason} errors={errors.reason} />
      <Field
        id="pause-basis"
        name="basis"
        label="依据(可选)"
        english="Basis"
        placeholder="如 国务院办公厅关于2026年五一国际劳动节放假安排"
        maxLength={200}
        defaultValue={values.basis}
        errors={errors.basis}
      />
      <Field
        id="pause-announce"
        name="announceOn"
        type="date"
        label="公告日期(可选)"
        english="Announce on"
        hint={`从这天起网站显示休刊提示并邮件通知读者。留空为开始前7天${defaultAnnounce ? `(${defaultAnnounce})` : ""}。`}
        defaultValue={values.announceOn}
        errors={errors.announceOn}
      />
      <div className="space-y-1.5">
        <div className="flex items-baseline justify-between gap-2">
          <label htmlFor={NOTICE_ID} className="text-sm font-medium text-ink">
            休刊公告
          </label>
          <span aria-hidden="true" className="text-xs tracking-wide text-muted">
            Notice
          </span>
        </div>
        <textarea
          id={NOTICE_ID}
          name="noticeText"
          rows={7}
          maxLength={2000}
          value={notice}
          onChange={(e) => setNotice(e.currentTarget.value)}
          aria-describedby={`${NOTICE_ID}-hint${errors.noticeText ? ` ${NOTICE_ID}-error` : ""}`}
          aria-invalid={errors.noticeText ? true : undefined}
          className="block w-full rounded-md border border-rule bg-white px-3 py-2.5 font-serif text-base leading-relaxed text-ink shadow-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/20"
        />
        <p id={`${NOTICE_ID}-hint`} className="text-xs text-muted">
          留空则保存时自动生成草稿。段落之间空一行,最后两段为署名和日期。
        </p>
        {errors.noticeText ? (
          <p id={`${NOTICE_ID}-error`} className="text-sm text-brand">
            {errors.noticeText.join(" ")}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-3 pt-1">
          <button
            type="button"
            onClick={requestDraft}
            disabled={drafting}
            className="rounded-md border border-brand px-3 py-1.5 text-sm text-brand transition hover:bg-brand hover:text-white disabled:cursor-wait disabled:opacity-60"
          >
            {drafting ? "正在生成…" : "生成公告草稿"}
          </button>
          <FormStatus state={draft} />
        </div>
      </div>
      <SubmitButton pending={pending} pendingText="正在保存…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
