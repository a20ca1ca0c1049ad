"use client";

import { useActionState, useState, type ReactNode } from "react";
import { createQrCodeAction, updateQrCodeAction } from "@/app/[locale]/admin/qr/actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";

export type IssueOption = { id: number; number: number; date: string; pageCount: number };

const placements = [
  ["masthead", "报头"],
  ["issue", "期次"],
  ["page", "版面"],
  ["article", "稿件"],
  ["campaign", "推广活动"],
] as const;
const destinations = [
  ["landing", "自定义落地页"],
  ["article", "稿件"],
  ["issue", "期次"],
  ["page", "版面"],
  ["subscribe", "订阅页"],
  ["external", "外部链接(https)"],
] as const;

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
        <span aria-hidden="true" className="text-xs tracking-wide text-muted">
          {english}
        </span>
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
        <span aria-hidden="true" className="text-xs tracking-wide text-muted">
          {english}
        </span>
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

function IssueOptions({ issues }: { issues: IssueOption[] }) {
  return (
    <>
      <option value="">请选择期次</option>
      {issues.map((i) => (
        <option key={i.id} value={i.id}>
          总第{i.number}期 · {i.date}
        </option>
      ))}
    </>
  );
}

function Fieldset({ legend, english, children }: { legend: string; english: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-rule bg-white/60 p-4">
      <legend className="px-1 text-sm font-semibold">
        {legend} <span className="text-xs font-normal text-muted">{english}</span>
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
      <Field id={`${p}-label`} name="label" label="名称" english="Label" required maxLength={100} defaultValue={v("label")} errors={errors.label} hint="仅后台可见,例如「5月7日 第3版 稿件」" />

      <Fieldset legend="放置位置" english="Placement">
        <Select id={`${p}-placement`} name="placement" label="印在哪里" english="Printed on" value={placement} onChange={setPlacement} errors={errors.placement}>
          {placements.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
        {placement === "issue" || placement === "page" ? (
          <Select id={`${p}-placement-issue`} name="placementIssueId" label="期次" english="Issue" value={v("placementIssueId")} errors={errors.placementIssueId}>
            <IssueOptions issues={issues} />
          </Select>
        ) : null}
        {placement === "page" ? (
          <Field id={`${p}-placement-page`} name="placementPageNumber" type="number" inputMode="numeric" min={1} max={99} label="版号" english="Page no." defaultValue={v("placementPageNumber")} errors={errors.placementPageNumber} />
        ) : null}
        {placement === "article" ? (
          <Field
            id={`${p}-placement-article`}
            name="placementArticleId"
            type="number"
            inputMode="numeric"
            min={1}
            label="稿件编号"
            english="Article ID"
            hint="稿件网址 /articles/编号 中的数字"
            defaultValue={v("placementArticleId")}
            errors={errors.placementArticleId}
          />
        ) : null}
        <Field
          id={`${p}-campaign`}
          name="campaign"
          label={placement === "campaign" ? "活动名称" : "活动名称(可选)"}
          english="Campaign"
          maxLength={60}
          hint="同一活动的二维码在「按活动统计」中合计"
          defaultValue={v("campaign")}
          errors={errors.campaign}
        />
      </Fieldset>

      <Fieldset legend="扫码后打开" english="Destination">
        <Select id={`${p}-destination`} name="destination" label="目标" english="Destination" value={destination} onChange={setDestination} errors={errors.destination}>
          {destinations.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
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
            label="目标稿件编号"
            english="Article ID"
            hint="扫码的读者可在本机阅读该稿件全文7天"
            defaultValue={v("destinationArticleId")}
            errors={errors.destinationArticleId}
          />
        ) : null}
        {destination === "issue" || destination === "page" ? (
          <Select id={`${p}-destination-issue`} name="destinationIssueId" label="目标期次" english="Issue" value={v("destinationIssueId")} errors={errors.destinationIssueId}>
            <IssueOptions issues={issues} />
          </Select>
        ) : null}
        {destination === "page" ? (
          <Field id={`${p}-destination-page`} name="destinationPageNumber" type="number" inputMode="numeric" min={1} max={99} label="目标版号" english="Page no." defaultValue={v("destinationPageNumber")} errors={errors.destinationPageNumber} />
        ) : null}
        {destination === "subscribe" ? (
          <Field id={`${p}-promotion`} name="promotion" label="优惠码(可选)" english="Promotion code" maxLength={40} hint="字母、数字、- 和 _" defaultValue={v("promotion")} errors={errors.promotion} />
        ) : null}
        {destination === "external" ? (
          <Field id={`${p}-external`} name="externalUrl" type="url" label="外部链接" english="External URL" placeholder="https://" maxLength={2000} defaultValue={v("externalUrl")} errors={errors.externalUrl} />
        ) : null}
        {destination === "landing" ? (
          <div className="space-y-4">
            <Field id={`${p}-landing-title`} name="landingTitle" label="落地页标题" english="Title" maxLength={100} defaultValue={v("landingTitle")} errors={errors.landingTitle} />
            <TextArea id={`${p}-landing-text`} name="landingText" label="落地页正文" english="Text" value={v("landingText")} errors={errors.landingText} />
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id={`${p}-landing-cta-label`} name="landingCtaLabel" label="按钮文字(可选)" english="Button" maxLength={30} defaultValue={v("landingCtaLabel")} errors={errors.landingCtaLabel} />
              <Field
                id={`${p}-landing-cta-href`}
                name="landingCtaHref"
                label="按钮链接(可选)"
                english="Button link"
                hint="本站路径如 /subscribe,或 https:// 网址"
                maxLength={2000}
                defaultValue={v("landingCtaHref")}
                errors={errors.landingCtaHref}
              />
            </div>
          </div>
        ) : null}
      </Fieldset>

      <Fieldset legend="有效期" english="Active window">
        <p className="text-xs text-muted">按北京时间填写;留空表示不限。有效期外扫码显示下面的备用页(未填写则显示默认页面)。</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${p}-from`} name="activeFrom" type="datetime-local" label="开始时间(北京时间)" english="From" defaultValue={v("activeFrom")} errors={errors.activeFrom} />
          <Field id={`${p}-until`} name="activeUntil" type="datetime-local" label="结束时间(北京时间)" english="Until" defaultValue={v("activeUntil")} errors={errors.activeUntil} />
        </div>
        <Field id={`${p}-fallback-title`} name="fallbackTitle" label="备用页标题(可选)" english="Fallback title" maxLength={100} defaultValue={v("fallbackTitle")} errors={errors.fallbackTitle} />
        <TextArea id={`${p}-fallback-text`} name="fallbackText" label="备用页正文(可选)" english="Fallback text" value={v("fallbackText")} errors={errors.fallbackText} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${p}-fallback-cta-label`} name="fallbackCtaLabel" label="备用页按钮文字(可选)" english="Button" maxLength={30} defaultValue={v("fallbackCtaLabel")} errors={errors.fallbackCtaLabel} />
          <Field id={`${p}-fallback-cta-href`} name="fallbackCtaHref" label="备用页按钮链接(可选)" english="Button link" maxLength={2000} defaultValue={v("fallbackCtaHref")} errors={errors.fallbackCtaHref} />
        </div>
      </Fieldset>

      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={(state.values && !state.ok ? (state.values.enabled ?? "") : v("enabled")) === "on"} className="h-4 w-4" />
        启用 <span className="text-xs text-muted">Enabled</span>
      </label>

      <SubmitButton pending={pending} pendingText="正在保存…">
        {id ? "保存 Save" : "创建二维码 Create"}
      </SubmitButton>
    </form>
  );
}
