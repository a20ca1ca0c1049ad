"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useRef, useState, useTransition } from "react";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { addDays, isIsoDate } from "@/lib/dates";
import { paperDate } from "@/lib/i18n/format";
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
  const t = useTranslations("adminPublishing.pauses.form");
  const common = useTranslations("adminPublishing.common");
  const locale = useLocale();
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
        setDraft({ message: t("draftReady") });
      } else {
        const details = Object.values(result.fieldErrors ?? {}).flat();
        setDraft({ error: t("draftFailed", { details: details.length ? details.join(t("detailsSeparator")) : (result.error ?? t("tryLater")) }) });
      }
    });
  }

  const defaultAnnounce = isIsoDate(startsOn) ? paperDate(addDays(startsOn, -7), locale) : null;

  return (
    <form ref={form} action={action} noValidate className="space-y-5">
      <FormStatus state={state} />
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="pause-starts"
          name="startsOn"
          type="date"
          label={t("startsOn")}
          english={t("startsOnGloss")}
          required
          defaultValue={values.startsOn}
          onChange={(e) => setStartsOn(e.currentTarget.value)}
          errors={errors.startsOn}
        />
        <Field
          id="pause-ends"
          name="endsOn"
          type="date"
          label={t("endsOn")}
          english={t("endsOnGloss")}
          hint={t("endsOnHint")}
          defaultValue={values.endsOn}
          errors={errors.endsOn}
        />
      </div>
      <Field id="pause-reason" name="reason" label={t("reason")} english={t("reasonGloss")} placeholder={t("reasonPlaceholder")} required maxLength={50} defaultValue={values.reason} errors={errors.reason} />
      <Field
        id="pause-basis"
        name="basis"
        label={t("basis")}
        english={t("basisGloss")}
        placeholder={t("basisPlaceholder")}
        maxLength={200}
        defaultValue={values.basis}
        errors={errors.basis}
      />
      <Field
        id="pause-announce"
        name="announceOn"
        type="date"
        label={t("announceOn")}
        english={t("announceOnGloss")}
        hint={t("announceOnHint", { hasDefault: defaultAnnounce ? "yes" : "no", date: defaultAnnounce ?? "" })}
        defaultValue={values.announceOn}
        errors={errors.announceOn}
      />
      <div className="space-y-1.5">
        <div className="flex items-baseline justify-between gap-2">
          <label htmlFor={NOTICE_ID} className="text-sm font-medium text-ink">
            {t("notice")}
          </label>
          {t("noticeGloss") ? (
            <span aria-hidden="true" className="text-xs tracking-wide text-muted">
              {t("noticeGloss")}
            </span>
          ) : null}
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
          {t("noticeHint")}
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
            {drafting ? t("drafting") : t("draft")}
          </button>
          <FormStatus state={draft} />
        </div>
      </div>
      <SubmitButton pending={pending} pendingText={common("saving")}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
