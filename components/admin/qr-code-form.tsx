"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, type ReactNode } from "react";
import { createQrCodeAction, updateQrCodeAction } from "@/app/[locale]/admin/qr/actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";

export type IssueOption = { id: number; number: number; date: string; pageCount: number };

const placements = ["masthead", "issue", "page", "article", "campaign"] as const;
const destinations = ["landing", "article", "issue", "page", "subscribe", "external"] as const;

function Select({
  id,
  name,
  label,
  english,
  value,
  onChange,
  errors,
  children,
}: {
  id: string;
  name: string;
  label: string;
  english: string;
  value?: string;
  onChange?: (value: string) => void;
  errors?: string[];
  children: ReactNode;
}) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-ink">
          {label}
        </label>
        {english ? (
          <span aria-hidden="true" className="text-xs tracking-wide text-muted">
            {english}
          </span>
        ) : null}
      </div>
      <select
        id={id}
        name={name}
        {...(onChange ? { value, onChange: (e) => onChange(e.target.value) } : { defaultValue: value })}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        className={`block w-full rounded-md border bg-white px-3 py-2.5 text-base text-ink shadow-sm ${errorId ? "border-brand" : "border-rule"}`}
      >
        {children}
      </select>
      {errorId ? (
        <p id={errorId} className="text-sm text-brand">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

function TextArea({ id, name, label, english, value, errors }: { id: string; name: string; label: string; english: string; value?: string; errors?: string[] }) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-ink">
          {label}
        </label>
        {english ? (
          <span aria-hidden="true" className="text-xs tracking-wide text-muted">
            {english}
          </span>
        ) : null}
      </div>
      <textarea
        id={id}
        name={name}
        rows={4}
        maxLength={2000}
        defaultValue={value}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        className={`block w-full rounded-md border bg-white px-3 py-2.5 text-base text-ink shadow-sm ${errorId ? "border-brand" : "border-rule"}`}
      />
      {errorId ? (
        <p id={errorId} className="text-sm text-brand">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function IssueOptions({ issues }: { issues: IssueOption[] }) {
  const t = useTranslations("adminQr");
  return (
    <>
      <option value="">{t("chooseIssue")}</option>
      {issues.map((i) => (
        <option key={i.id} value={i.id}>
          {t("issueOption", { number: String(i.number), date: i.date })}
        </option>
      ))}
    </>
  );
}

function Fieldset({ legend, english, children }: { legend: string; english: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-rule bg-white/60 p-4">
      <legend className="px-1 text-sm font-semibold">
        {legend}
        {english ? (
          <>
            {" "}
            <span className="text-xs font-normal text-muted">{english}</span>
          </>
        ) : null}
      </legend>
      {children}
    </fieldset>
  );
}

/**
 * 新建/编辑二维码. Only the fields of the chosen placement and destination are
 * shown; the server clears the others and checks every rule again.
 */
export function QrCodeForm({ id, initial, issues }: { id?: number; initial: Record<string, string>; issues: IssueOption[] }) {
  const t = useTranslations("adminQr");
  const f = useTranslations("adminQr.form");
  const [state, action, pending] = useActionState<ActionState, FormData>(id ? updateQrCodeAction : createQrCodeAction, {});
  const values: Record<string, string> = { ...initial, ...(state.ok ? {} : state.values) };
  const errors = state.fieldErrors ?? {};
  const [placement, setPlacement] = useState(values.placement || "masthead");
  const [destination, setDestination] = useState(values.destination || "landing");
  const v = (name: string) => values[name] ?? "";
  const p = id ? `qr-${id}` : "qr-new";

  return (
    <form action={action} noValidate className="space-y-5">
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <FormStatus state={state} />
      <Field id={`${p}-label`} name="label" label={f("label.label")} english={f("label.english")} required maxLength={100} defaultValue={v("label")} errors={errors.label} hint={f("label.hint")} />

      <Fieldset legend={f("placementLegend.label")} english={f("placementLegend.english")}>
        <Select id={`${p}-placement`} name="placement" label={f("placement.label")} english={f("placement.english")} value={placement} onChange={setPlacement} errors={errors.placement}>
          {placements.map((value) => (
            <option key={value} value={value}>
              {t(`placements.${value}`)}
            </option>
          ))}
        </Select>
        {placement === "issue" || placement === "page" ? (
          <Select id={`${p}-placement-issue`} name="placementIssueId" label={f("placementIssue.label")} english={f("placementIssue.english")} value={v("placementIssueId")} errors={errors.placementIssueId}>
            <IssueOptions issues={issues} />
          </Select>
        ) : null}
        {placement === "page" ? (
          <Field id={`${p}-placement-page`} name="placementPageNumber" type="number" inputMode="numeric" min={1} max={99} label={f("placementPage.label")} english={f("placementPage.english")} defaultValue={v("placementPageNumber")} errors={errors.placementPageNumber} />
        ) : null}
        {placement === "article" ? (
          <Field
            id={`${p}-placement-article`}
            name="placementArticleId"
            type="number"
            inputMode="numeric"
            min={1}
            label={f("placementArticle.label")}
            english={f("placementArticle.english")}
            hint={f("placementArticle.hint")}
            defaultValue={v("placementArticleId")}
            errors={errors.placementArticleId}
          />
        ) : null}
        <Field
          id={`${p}-campaign`}
          name="campaign"
          label={placement === "campaign" ? f("campaign.label") : f("campaign.optional")}
          english={f("campaign.english")}
          maxLength={60}
          hint={f("campaign.hint")}
          defaultValue={v("campaign")}
          errors={errors.campaign}
        />
      </Fieldset>

      <Fieldset legend={f("destinationLegend.label")} english={f("destinationLegend.english")}>
        <Select id={`${p}-destination`} name="destination" label={f("destination.label")} english={f("destination.english")} value={destination} onChange={setDestination} errors={errors.destination}>
          {destinations.map((value) => (
            <option key={value} value={value}>
              {t(`destinations.${value}`)}
            </option>
          ))}
        </Select>
        {destination === "article" ? (
          <Field
            id={`${p}-destination-article`}
            name="destinationArticleId"
            type="number"
            inputMode="numeric"
            min={1}
            label={f("destinationArticle.label")}
            english={f("destinationArticle.english")}
            hint={f("destinationArticle.hint")}
            defaultValue={v("destinationArticleId")}
            errors={errors.destinationArticleId}
          />
        ) : null}
        {destination === "issue" || destination === "page" ? (
          <Select id={`${p}-destination-issue`} name="destinationIssueId" label={f("destinationIssue.label")} english={f("destinationIssue.english")} value={v("destinationIssueId")} errors={errors.destinationIssueId}>
            <IssueOptions issues={issues} />
          </Select>
        ) : null}
        {destination === "page" ? (
          <Field id={`${p}-destination-page`} name="destinationPageNumber" type="number" inputMode="numeric" min={1} max={99} label={f("destinationPage.label")} english={f("destinationPage.english")} defaultValue={v("destinationPageNumber")} errors={errors.destinationPageNumber} />
        ) : null}
        {destination === "subscribe" ? (
          <Field id={`${p}-promotion`} name="promotion" label={f("promotion.label")} english={f("promotion.english")} maxLength={40} hint={f("promotion.hint")} defaultValue={v("promotion")} errors={errors.promotion} />
        ) : null}
        {destination === "external" ? (
          <Field id={`${p}-external`} name="externalUrl" type="url" label={f("external.label")} english={f("external.english")} placeholder="https://" maxLength={2000} defaultValue={v("externalUrl")} errors={errors.externalUrl} />
        ) : null}
        {destination === "landing" ? (
          <div className="space-y-4">
            <Field id={`${p}-landing-title`} name="landingTitle" label={f("landingTitle.label")} english={f("landingTitle.english")} maxLength={100} defaultValue={v("landingTitle")} errors={errors.landingTitle} />
            <TextArea id={`${p}-landing-text`} name="landingText" label={f("landingText.label")} english={f("landingText.english")} value={v("landingText")} errors={errors.landingText} />
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id={`${p}-landing-cta-label`} name="landingCtaLabel" label={f("landingCtaLabel.label")} english={f("landingCtaLabel.english")} maxLength={30} defaultValue={v("landingCtaLabel")} errors={errors.landingCtaLabel} />
              <Field
                id={`${p}-landing-cta-href`}
                name="landingCtaHref"
                label={f("landingCtaHref.label")}
                english={f("landingCtaHref.english")}
                hint={f("landingCtaHref.hint")}
                maxLength={2000}
                defaultValue={v("landingCtaHref")}
                errors={errors.landingCtaHref}
              />
            </div>
          </div>
        ) : null}
      </Fieldset>

      <Fieldset legend={f("windowLegend.label")} english={f("windowLegend.english")}>
        <p className="text-xs text-muted">{f("windowIntro")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${p}-from`} name="activeFrom" type="datetime-local" label={f("activeFrom.label")} english={f("activeFrom.english")} defaultValue={v("activeFrom")} errors={errors.activeFrom} />
          <Field id={`${p}-until`} name="activeUntil" type="datetime-local" label={f("activeUntil.label")} english={f("activeUntil.english")} defaultValue={v("activeUntil")} errors={errors.activeUntil} />
        </div>
        <Field id={`${p}-fallback-title`} name="fallbackTitle" label={f("fallbackTitle.label")} english={f("fallbackTitle.english")} maxLength={100} defaultValue={v("fallbackTitle")} errors={errors.fallbackTitle} />
        <TextArea id={`${p}-fallback-text`} name="fallbackText" label={f("fallbackText.label")} english={f("fallbackText.english")} value={v("fallbackText")} errors={errors.fallbackText} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${p}-fallback-cta-label`} name="fallbackCtaLabel" label={f("fallbackCtaLabel.label")} english={f("fallbackCtaLabel.english")} maxLength={30} defaultValue={v("fallbackCtaLabel")} errors={errors.fallbackCtaLabel} />
          <Field id={`${p}-fallback-cta-href`} name="fallbackCtaHref" label={f("fallbackCtaHref.label")} english={f("fallbackCtaHref.english")} maxLength={2000} defaultValue={v("fallbackCtaHref")} errors={errors.fallbackCtaHref} />
        </div>
      </Fieldset>

      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={(state.values && !state.ok ? (state.values.enabled ?? "") : v("enabled")) === "on"} className="h-4 w-4" />
        {f("enabled.label")}
        {f("enabled.english") ? (
          <>
            {" "}
            <span className="text-xs text-muted">{f("enabled.english")}</span>
          </>
        ) : null}
      </label>

      <SubmitButton pending={pending} pendingText={f("saving")}>
        {id ? f("save") : f("create")}
      </SubmitButton>
    </form>
  );
}
