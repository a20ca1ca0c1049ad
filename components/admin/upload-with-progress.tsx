"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Gloss } from "@/app/[locale]/admin/issues/gloss";

/**
 * A file upload that shows its progress: XMLHttpRequest (fetch cannot report
 * upload progress) posts the form to a route handler, which answers
 * `{ ok: true, message }` or `{ error }` with a 4xx status.
 */
export type UploadWithProgressProps = {
  url: string;
  accept: string;
  label: string;
  fieldName?: string;
  multiple?: boolean;
  /** Extra text fields posted with the file(s). */
  fields?: Record<string, string>;
  hint?: string;
  /** Same limit as the server's UPLOAD_MAX_BYTES, checked before sending anything. */
  maxBytes: number;
  /** Button text; default "上传" (Upload). */
  buttonLabel?: string;
  /** Ask this first (e.g. before replacing a page's files); the upload starts only after 确认. */
  confirmText?: string;
};

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "processing" }
  | { kind: "done"; message: string }
  | { kind: "failed"; error: string };

const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export function UploadWithProgress({
  url,
  accept,
  label,
  fieldName = "file",
  multiple = false,
  fields,
  hint,
  maxBytes,
  buttonLabel,
  confirmText,
}: UploadWithProgressProps) {
  const t = useTranslations("adminIssues.upload");
  const button = buttonLabel ?? t("upload");
  const router = useRouter();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [confirming, setConfirming] = useState(false);
  const busy = phase.kind === "uploading" || phase.kind === "processing";

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const files = Array.from(inputRef.current?.files ?? []);
    if (confirmText && !confirming && files.length > 0) {
      setPhase({ kind: "idle" });
      return setConfirming(true);
    }
    setConfirming(false);
    if (files.length === 0) return setPhase({ kind: "failed", error: t("chooseFile") });
    const empty = files.find((f) => f.size === 0);
    if (empty) return setPhase({ kind: "failed", error: t("emptyFile", { name: empty.name }) });
    const big = files.find((f) => f.size > maxBytes);
    if (big) return setPhase({ kind: "failed", error: t("fileTooLarge", { name: big.name, size: formatBytes(big.size), limit: formatBytes(maxBytes) }) });
    const total = files.reduce((sum, f) => sum + f.size, 0);
    if (total > maxBytes) return setPhase({ kind: "failed", error: t("tooMuch", { size: formatBytes(total), limit: formatBytes(maxBytes) }) });

    const body = new FormData();
    for (const [name, value] of Object.entries(fields ?? {})) body.append(name, value);
    for (const file of files) body.append(fieldName, file);

    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    xhr.open("POST", url);
    xhr.responseType = "text";
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setPhase({ kind: "uploading", percent: Math.min(100, Math.floor((e.loaded / e.total) * 100)) });
    };
    // The bytes are sent; the server now validates and renders, which can take a while for a big PDF.
    xhr.upload.onload = () => setPhase({ kind: "processing" });
    xhr.onload = () => {
      xhrRef.current = null;
      let reply: { ok?: boolean; message?: string; error?: string } = {};
      try {
        reply = JSON.parse(xhr.responseText || "{}");
      } catch {
        // A proxy's HTML error page, for instance: fall through to the status-based message.
      }
      if (xhr.status >= 200 && xhr.status < 300 && reply.ok) {
        setPhase({ kind: "done", message: reply.message ?? t("uploaded") });
        if (inputRef.current) inputRef.current.value = "";
        router.refresh();
      } else {
        setPhase({ kind: "failed", error: reply.error ?? failureFor(xhr.status) });
      }
    };
    xhr.onerror = () => {
      xhrRef.current = null;
      setPhase({ kind: "failed", error: t("networkError") });
    };
    xhr.onabort = () => {
      xhrRef.current = null;
      setPhase({ kind: "failed", error: t("cancelled") });
    };
    setPhase({ kind: "uploading", percent: 0 });
    xhr.send(body);
  }

  function failureFor(status: number): string {
    if (status === 401) return t("signInAgain");
    if (status === 403) return t("notAllowed");
    if (status === 413) return t("tooLarge");
    return t("failed", { status: String(status) });
  }

  const inputId = `${id}-file`;
  const hintId = hint ? `${id}-hint` : undefined;
  const statusId = `${id}-status`;

  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-busy={busy}>
      <label htmlFor={inputId} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          ref={inputRef}
          id={inputId}
          name={fieldName}
          type="file"
          accept={accept}
          multiple={multiple}
          disabled={busy}
          aria-describedby={[hintId, statusId].filter(Boolean).join(" ")}
          onChange={() => {
            setConfirming(false);
            if (phase.kind !== "idle" && !busy) setPhase({ kind: "idle" });
          }}
          className="block min-w-0 max-w-full text-sm text-ink file:mr-3 file:rounded-md file:border file:border-rule file:bg-white file:px-3 file:py-1.5 file:text-sm file:text-ink hover:file:border-ink focus-visible:outline-2 focus-visible:outline-brand"
        />
        <button
          type="submit"
          disabled={busy || confirming}
          className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white transition hover:bg-brand-dark disabled:cursor-wait disabled:opacity-60"
        >
          {button}
        </button>
        {phase.kind === "uploading" ? (
          <button type="button" onClick={() => xhrRef.current?.abort()} className="rounded-md border border-rule px-3 py-1.5 text-sm text-ink hover:border-ink">
            {t("cancelUpload")} <Gloss text={t("cancelUploadGloss")} className="text-xs text-muted" />
          </button>
        ) : null}
      </div>
      {confirming ? (
        <div role="group" aria-labelledby={`${id}-confirm`} className="space-y-2 rounded-md border border-brand/40 bg-brand/5 p-3">
          <p id={`${id}-confirm`} className="text-sm">
            {confirmText}
          </p>
          <div className="flex flex-wrap gap-2">
            <button ref={confirmRef} type="submit" className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-dark">
              {t("confirm", { label: button })}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                inputRef.current?.focus();
              }}
              className="rounded-md border border-rule bg-white px-3 py-1.5 text-sm"
            >
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : null}
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <div id={statusId}>
        {phase.kind === "uploading" ? (
          <div className="space-y-1">
            <div
              role="progressbar"
              aria-label={t("progress", { label })}
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
          <p role="status" className="rounded-md border border-rule bg-white px-3 py-2 text-sm text-ink">
            {phase.message}
          </p>
        ) : phase.kind === "failed" ? (
          <p role="alert" className="rounded-md border border-brand/30 bg-brand/5 px-3 py-2 text-sm text-brand">
            {phase.error}
          </p>
        ) : null}
      </div>
    </form>
  );
}
