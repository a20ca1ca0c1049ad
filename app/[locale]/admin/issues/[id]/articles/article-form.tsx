"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, useTransition } from "react";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form-parts";
import { BodyBlocks } from "@/components/reader/body-blocks";
import type { ActionState } from "@/lib/actions";
import { Gloss } from "../../gloss";
import { createArticleAction, previewBodyAction, updateArticleAction, type BodyPreview } from "./actions";

export type ArticleFormValues = {
  pageId: string;
  column: string;
  kicker: string;
  title: string;
  subtitle: string;
  byline: string;
  source: string;
  access: string;
  position: string;
  body: string;
};

type Props = {
  issueId: number;
  /** Absent when creating. */
  articleId?: number;
  initial: ArticleFormValues;
  /** Only when creating: the issue's pages to choose from. */
  pages?: { id: number; number: number; name: string }[];
  maxBody: number;
};

const BODY_ID = "article-body";
const inputClass =
  "block w-full rounded-md border bg-white px-3 py-2.5 text-base text-ink shadow-sm outline-none transition focus:border-brand focus:ring-2 focus:ring-brand/20";

/**
 * The 稿件 form, for a new article and for editing one. The body is Markdown;
 * the server strips HTML and unsafe links on save, and 预览 shows the result
 * through the same sanitiser readers get.
 */
export function ArticleForm({ issueId, articleId, initial, pages, maxBody }: Props) {
  const t = useTranslations("adminIssues.articleForm");
  const tc = useTranslations("adminIssues.common");
  const creating = articleId === undefined;
  const [state, action, pending] = useActionState<ActionState, FormData>(creating ? createArticleAction : updateArticleAction, {});
  // The body is kept here, not echoed back by the server (echoes are cut at 500 characters).
  const [body, setBody] = useState(initial.body);
  // After a save the page re-renders with the stored body (HTML stripped, unsafe links gone): show that.
  const [savedBody, setSavedBody] = useState(initial.body);
  if (savedBody !== initial.body) {
    setSavedBody(initial.body);
    setBody(initial.body);
  }
  const [preview, setPreview] = useState<BodyPreview | null>(null);
  const [previewing, startPreview] = useTransition();
  const values: Record<string, string> = { ...initial, ...state.values };
  const errors = state.fieldErrors ?? {};

  const showPreview = () =>
    startPreview(async () => {
      setPreview(await previewBodyAction(body));
    });

  return (
    <form action={action} noValidate className="space-y-5">
      <input type="hidden" name="issueId" value={issueId} />
      {articleId !== undefined ? <input type="hidden" name="articleId" value={articleId} /> : null}
      <FormStatus state={state} />

      {pages ? (
        <div className="space-y-1.5">
          <div className="flex items-baseline justify-between gap-2">
            <label htmlFor="article-page" className="text-sm font-medium text-ink">
              {t("page")}
            </label>
            <Gloss text={t("pageGloss")} className="text-xs tracking-wide text-muted" hidden />
          </div>
          <select
            id="article-page"
            name="pageId"
            required
            defaultValue={values.pageId}
            aria-invalid={errors.pageId ? true : undefined}
            aria-describedby={errors.pageId ? "article-page-error" : undefined}
            className={`${inputClass} ${errors.pageId ? "border-brand" : "border-rule"}`}
          >
            {pages.map((page) => (
              <option key={page.id} value={page.id}>
                {tc("pageLabel", { number: String(page.number), name: page.name })}
              </option>
            ))}
          </select>
          {errors.pageId ? (
            <p id="article-page-error" className="text-sm text-brand">
              {errors.pageId.join(" ")}
            </p>
          ) : null}
        </div>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="article-column" name="column" label={t("column")} english={t("columnGloss")} maxLength={50} defaultValue={values.column} errors={errors.column} />
        <Field id="article-kicker" name="kicker" label={t("kicker")} english={t("kickerGloss")} maxLength={200} defaultValue={values.kicker} errors={errors.kicker} />
      </div>
      <Field id="article-title" name="title" label={t("title")} english={t("titleGloss")} required maxLength={200} defaultValue={values.title} errors={errors.title} />
      <Field id="article-subtitle" name="subtitle" label={t("subtitle")} english={t("subtitleGloss")} maxLength={200} defaultValue={values.subtitle} errors={errors.subtitle} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="article-byline" name="byline" label={t("byline")} english={t("bylineGloss")} hint={t("bylineHint")} maxLength={100} defaultValue={values.byline} errors={errors.byline} />
        <Field id="article-source" name="source" label={t("source")} english={t("sourceGloss")} hint={t("sourceHint")} maxLength={100} defaultValue={values.source} errors={errors.source} />
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <fieldset className="space-y-1.5" aria-describedby={errors.access ? "article-access-error" : undefined}>
          <legend className="text-sm font-medium text-ink">
            {t("access")} <Gloss text={t("accessGloss")} className="ml-1 text-xs font-normal text-muted" />
          </legend>
          <div className="flex flex-wrap gap-4 pt-1 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name="access" value="free" defaultChecked={values.access === "free"} className="h-4 w-4" />
              {t("free")} <Gloss text={t("freeGloss")} className="text-xs text-muted" />
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="access" value="subscribers" defaultChecked={values.access !== "free"} className="h-4 w-4" />
              {t("subscribers")} <Gloss text={t("subscribersGloss")} className="text-xs text-muted" />
            </label>
          </div>
          {errors.access ? (
            <p id="article-access-error" className="text-sm text-brand">
              {errors.access.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <Field
          id="article-position"
          name="position"
          type="number"
          inputMode="numeric"
          min={0}
          max={999}
          label={t("position")}
          english={t("positionGloss")}
          hint={creating ? t("positionHintNew") : t("positionHint")}
          defaultValue={values.position}
          errors={errors.position}
        />
      </div>

      <div className="space-y-1.5">
        <div className="flex items-baseline justify-between gap-2">
          <label htmlFor={BODY_ID} className="text-sm font-medium text-ink">
            {t("body")}
          </label>
          <span aria-hidden="true" className="text-xs tracking-wide text-muted">
            {t("bodyGloss")}
          </span>
        </div>
        <textarea
          id={BODY_ID}
          name="body"
          rows={16}
          maxLength={maxBody}
          value={body}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            if (preview) setPreview(null);
          }}
          aria-describedby={`${BODY_ID}-hint${errors.body ? ` ${BODY_ID}-error` : ""}`}
          aria-invalid={errors.body ? true : undefined}
          className={`${inputClass} font-serif leading-relaxed ${errors.body ? "border-brand" : "border-rule"}`}
        />
        <p id={`${BODY_ID}-hint`} className="text-xs leading-relaxed text-muted">
          {t.rich("bodyHint", { code: (chunks) => <code>{chunks}</code> })}
          {body.length > maxBody * 0.9 ? t("bodyLength", { length: body.length.toLocaleString("en-US"), max: maxBody.toLocaleString("en-US") }) : null}
        </p>
        {errors.body ? (
          <p id={`${BODY_ID}-error`} className="text-sm text-brand">
            {errors.body.join(" ")}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-3 pt-1">
          <button
            type="button"
            onClick={preview ? () => setPreview(null) : showPreview}
            disabled={previewing}
            aria-expanded={preview !== null}
            aria-controls="article-preview"
            className="rounded-md border border-brand px-3 py-1.5 text-sm text-brand transition hover:bg-brand hover:text-white disabled:cursor-wait disabled:opacity-60"
          >
            {previewing ? t("previewing") : preview ? t("closePreview") : t("preview")}
            <Gloss text={t("previewGloss")} className="ml-1 text-xs opacity-80" />
          </button>
        </div>
        <div id="article-preview" aria-live="polite">
          {preview && "error" in preview ? (
            <p role="alert" className="rounded-md border border-brand/30 bg-brand/5 px-3 py-2 text-sm text-brand">
              {preview.error}
            </p>
          ) : preview ? (
            <section aria-label={t("previewLabel")} className="mt-2 rounded-md border border-rule bg-paper p-4">
              {preview.changed ? (
                <p role="note" className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-1.5 text-xs text-amber-950">
                  {t("previewChanged")}
                </p>
              ) : null}
              {preview.blocks.length ? <BodyBlocks blocks={preview.blocks} /> : <p className="text-sm text-muted">{t("emptyBody")}</p>}
            </section>
          ) : null}
        </div>
      </div>

      <SubmitButton pending={pending} pendingText={tc("saving")}>
        {creating ? t("create") : t("save")}
      </SubmitButton>
    </form>
  );
}
