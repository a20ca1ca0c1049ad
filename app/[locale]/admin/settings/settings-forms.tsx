"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { ConfirmAction } from "../staff/staff-forms";
import { removeLogoAction, updateMeteringAction, updatePublicationAction } from "./actions";

export type ProfileValues = { name: string; slogan: string; cnNumber: string; sponsor: string; publisher: string; hotline: string; timeZone: string };

export function PublicationProfileForm({ initial }: { initial: ProfileValues }) {
  const t = useTranslations("adminPublishing.settings.profileForm");
  const common = useTranslations("adminPublishing.common");
  const [state, action, pending] = useActionState<ActionState, FormData>(updatePublicationAction, {});
  const values = { ...initial, ...(state.ok ? {} : state.values) } as ProfileValues;
  const errors = state.fieldErrors ?? {};
  const field = (name: keyof ProfileValues, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field id={`publication-${name}`} name={name} type="text" label={t(name)} english={t(`${name}Gloss`)} defaultValue={values[name]} errors={errors[name]} {...extra} />
  );
  return (
    <form action={action} noValidate className="space-y-4" aria-describedby="publication-status">
      <FormStatus id="publication-status" state={state} />
      {field("name", { required: true, maxLength: 40 })}
      {field("slogan", { maxLength: 200 })}
      {field("cnNumber", { required: true, maxLength: 30, hint: t("cnNumberHint") })}
      {field("sponsor", { required: true, maxLength: 100 })}
      {field("publisher", { required: true, maxLength: 100 })}
      {field("hotline", { required: true, maxLength: 40, inputMode: "tel" })}
      {field("timeZone", { required: true, maxLength: 64, hint: t("timeZoneHint") })}
      <SubmitButton pending={pending} pendingText={common("saving")}>
        {t("submit")} {t("submitGloss") ? <span className="ml-1 text-sm opacity-80">{t("submitGloss")}</span> : null}
      </SubmitButton>
    </form>
  );
}

export type MeteringValues = { anonymousPerMonth: string; memberPerMonth: string };

export function MeteringForm({ initial }: { initial: MeteringValues }) {
  const t = useTranslations("adminPublishing.settings.meteringForm");
  const common = useTranslations("adminPublishing.common");
  const [state, action, pending] = useActionState<ActionState, FormData>(updateMeteringAction, {});
  const values = { ...initial, ...(state.ok ? {} : state.values) } as MeteringValues;
  const errors = state.fieldErrors ?? {};
  const field = (name: keyof MeteringValues, label: string, english: string, hint: string) => (
    <Field
      id={`metering-${name}`}
      name={name}
      type="number"
      inputMode="numeric"
      min={0}
      max={100}
      step={1}
      required
      label={label}
      english={english}
      hint={hint}
      defaultValue={values[name]}
      errors={errors[name]}
    />
  );
  return (
    <form action={action} noValidate className="space-y-4" aria-describedby="metering-status">
      <FormStatus id="metering-status" state={state} />
      {field("anonymousPerMonth", t("anonymous"), t("anonymousGloss"), t("anonymousHint"))}
      {field("memberPerMonth", t("member"), t("memberGloss"), t("memberHint"))}
      <SubmitButton pending={pending} pendingText={common("saving")}>
        {t("submit")} {t("submitGloss") ? <span className="ml-1 text-sm opacity-80">{t("submitGloss")}</span> : null}
      </SubmitButton>
    </form>
  );
}

export function RemoveLogoButton() {
  const t = useTranslations("adminPublishing.settings.removeLogo");
  const common = useTranslations("adminPublishing.common");
  return (
    <ConfirmAction
      action={removeLogoAction}
      fields={{}}
      ask={t("ask")}
      question={t("question")}
      confirm={t("confirm")}
      pendingText={common("deleting")}
    />
  );
}
