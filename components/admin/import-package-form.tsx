"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import type { ReportItem } from "@/lib/issue-import/report";
import { Gloss } from "@/app/[locale]/admin/issues/gloss";

/**
 * 导入期次: uploads a zipped issue package with progress (XMLHttpRequest, as
 * fetch cannot report upload progress) and shows the server's per-item report:
 * every error with the place in the package it concerns, and any warnings.
 */
type Reply = { ok?: boolean; message?: string; href?: string; error?: string; report?: ReportItem[] };

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "processing" }
  | { kind: "done"; message: string; href?: string; report: ReportItem[] }
  | { kind: "failed"; error: string; report: ReportItem[] };

const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export function ImportPackageForm({ url, maxBytes }: { url: string; maxBytes: number }) {
  const t = useTranslations("adminIssues.importForm");
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [dryRun, setDryRun] = useState(false);
  const busy = phase.kind === "uploading" || phase.kind === "processing";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = inputRef.current?.files?.[0];
    if (!file) return setPhase({ kind: "failed", error: t("choosePackage"), report: [] });
    if (file.size === 0) return setPhase({ kind: "failed", error: t("emptyFile"), report: [] });
    if (file.size > maxBytes) {
      return setPhase({ kind: "failed", error: t("tooLarge", { size: formatBytes(file.size), limit: formatBytes(maxBytes) }), report: [] });
    }
    const body = new FormData(event.currentTarget);

    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    xhr.open("POST", url);
    xhr.responseType = "text";
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setPhase({ kind: "uploading", percent: Math.min(100, Math.floor((e.loaded / e.total) * 100)) });
    };
    xhr.upload.onload = () => setPhase({ kind: "processing" });
    xhr.onload = () => {
      xhrRef.current = null;
      let reply: Reply = {};
      try {
        reply = JSON.parse(xhr.responseText || "{}") as Reply;
      } catch {
        // A proxy's HTML error page: fall back to the status.
      }
      const report = Array.isArray(reply.report) ? reply.report : [];
      if (xhr.status >= 200 && xhr.status < 300 && reply.ok) {
        setPhase({ kind: "done", message: reply.message ?? t("done"), href: reply.href, report });
        if (reply.href && inputRef.current) inputRef.current.value = "";
      } else {
        setPhase({ kind: "failed", error: reply.error ?? failureFor(xhr.status), report });
      }
    };
    xhr.onerror = () => {
      xhrRef.current = null;
      setPhase({ kind: "failed", error: t("networkError"), report: [] });
    };
    xhr.onabort = () => {
      xhrRef.current = null;
      setPhase({ kind: "failed", error: t("cancelled"), report: [] });
    };
    setPhase({ kind: "uploading", percent: 0 });
    xhr.send(body);
  }

  function failureFor(status: number): string {
    if (status === 401) return t("signInAgain");
    if (status === 403) return t("notAllowed");
    if (status === 413) return t("fileTooLarge");
    return t("failed", { status: String(status) });
  }

  const inputId = `${id}-package`;
  const hintId = `${id}-hint`;
  const statusId = `${id}-status`;

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-busy={busy} noValidate>
      <div className="space-y-1.5">
        <label htmlFor={inputId} className="block text-sm font-medium text-ink">
          {t("package")} <Gloss text={t("packageGloss")} className="text-xs font-normal text-muted" />
        </label>
        <input
          ref={inputRef}
          id={inputId}
          name="package"
          type="file"
          accept=".zip,application/zip"
          disabled={busy}
          aria-describedby={`${hintId} ${statusId}`}
          onChange={() => !busy && setPhase({ kind: "idle" })}
          className="block min-w-0 max-w-full text-sm text-ink file:mr-3 file:rounded-md file:border file:border-rule file:bg-white file:px-3 file:py-1.5 file:text-sm file:text-ink hover:file:border-ink focus-visible:outline-2 focus-visible:outline-brand"
        />
        <p id={hintId} className="text-xs text-muted">
          {t("packageHint", { limit: formatBytes(maxBytes) })}
        </p>
      </div>

      <fieldset className="space-y-2 text-sm" disabled={busy}>
        <legend className="sr-only">{t("options")}</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="dryRun" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} className="h-4 w-4" />
          {t("dryRun")} <Gloss text={t("dryRunGloss")} className="text-xs text-muted" />
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="allowOffDay" className="h-4 w-4" />
          {t("allowOffDay")} <Gloss text={t("allowOffDayGloss")} className="text-xs text-muted" />
        </label>
      </fieldset>

      <div className="flex flex-wrap items-center gap-2">
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-white transition hover:bg-brand-dark disabled:cursor-wait disabled:opacity-60"
        >
          {dryRun ? t("check") : t("import")}
        </button>
        {phase.kind === "uploading" ? (
          <button type="button" onClick={() => xhrRef.current?.abort()} className="rounded-md border border-rule px-3 py-2 text-sm text-ink hover:border-ink">
            {t("cancel")} <Gloss text={t("cancelGloss")} className="text-xs text-muted" />
          </button>
        ) : null}
      </div>

      <div id={statusId} className="space-y-3">
        {phase.kind === "uploading" ? (
          <div className="space-y-1">
            <div
              role="progressbar"
              aria-label={t("progress")}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={phase.percent}
              className="h-2 w-full overflow-hidden rounded-full bg-rule/60"
            >
              <div className="h-full bg-brand transition-[width]" style={{ width: `${phase.percent}%` }} />
            </div>
            <p className="text-xs text-muted" aria-live="polite">
              {t("uploading", { percent: String(phase.percent) })}{" "}
              <Gloss text={t("uploadingGloss")} hidden />
            </p>
          </div>
        ) : phase.kind === "processing" ? (
          <p role="status" className="text-sm text-muted">
            {t("processing")} <Gloss text={t("processingGloss")} className="text-xs" />
          </p>
        ) : phase.kind === "done" ? (
          <div role="status" className="space-y-2 rounded-md border border-rule bg-white px-3 py-2 text-sm text-ink">
            <p>{phase.message}</p>
            {phase.href ? (
              <p>
                <Link href={phase.href} className="font-medium text-brand hover:underline">
                  {t("openIssue")} <Gloss text={t("openIssueGloss")} className="text-xs" /> →
                </Link>
              </p>
            ) : null}
          </div>
        ) : phase.kind === "failed" ? (
          <p role="alert" className="rounded-md border border-brand/30 bg-brand/5 px-3 py-2 text-sm text-brand">
            {phase.error}
          </p>
        ) : null}
        {(phase.kind === "done" || phase.kind === "failed") && phase.report.length ? <ImportReport report={phase.report} /> : null}
      </div>
    </form>
  );
}

/** Each item names its place in the package; Chinese staff read both languages, English staff the English line. */
export function ImportReport({ report }: { report: readonly ReportItem[] }) {
  const t = useTranslations("adminIssues.importForm");
  const english = useLocale() === "en";
  return (
    <section aria-labelledby="import-report-title" className="rounded-md border border-rule bg-white/60">
      <h2 id="import-report-title" className="border-b border-rule px-3 py-2 text-sm font-medium">
        {t("report")} <Gloss text={t("reportGloss")} className="text-xs font-normal text-muted" />
      </h2>
      <ul className="divide-y divide-rule text-sm" data-testid="import-report">
        {report.map((item, i) => (
          <li key={i} className="flex gap-2 px-3 py-2" data-level={item.level}>
            <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ${item.level === "error" ? "bg-brand/10 text-brand" : "bg-amber-100 text-amber-900"}`}>
              {item.level === "error" ? t("error") : t("warning")}
            </span>
            <div className="min-w-0">
              <p>
                <code className="break-all rounded bg-stone-100 px-1 text-xs">{item.path}</code> {english ? item.english : item.message}
              </p>
              {english ? null : <p className="text-xs text-muted">{item.english}</p>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
