"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { UploadWithProgress } from "@/components/admin/upload-with-progress";
import { FormStatus } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { Gloss } from "../../gloss";
import { deleteArticleAction, deletePhotoAction, moveArticleAction, movePhotoAction, updatePhotoAction } from "./actions";

type Ids = { issueId: number; articleId: number };

const smallButton = "rounded-md border border-rule bg-white px-3 py-1.5 text-sm text-ink transition hover:border-ink disabled:cursor-wait disabled:opacity-60";
const brandButton = "rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white transition hover:bg-brand-dark disabled:cursor-wait disabled:opacity-60";
const inputClass =
  "block w-full rounded-md border border-rule bg-white px-3 py-2 text-base text-ink shadow-sm outline-none transition focus:border-brand focus:ring-2 focus:ring-brand/20";

function IdFields({ issueId, articleId }: Ids) {
  return (
    <>
      <input type="hidden" name="issueId" value={issueId} />
      <input type="hidden" name="articleId" value={articleId} />
    </>
  );
}

/** 移至其他版面: another page of the same issue. The hot zones belong to the old page image and are cleared. */
export function MoveArticleForm({ issueId, articleId, currentPageId, pages, zoneCount }: Ids & { currentPageId: number; pages: { id: number; number: number; name: string }[]; zoneCount: number }) {
  const t = useTranslations("adminIssues.articleTools");
  const tc = useTranslations("adminIssues.common");
  const [state, action, pending] = useActionState<ActionState, FormData>(moveArticleAction, {});
  const others = pages.filter((p) => p.id !== currentPageId);
  if (others.length === 0) return <p className="text-sm text-muted">{t("onlyOnePage")}</p>;
  return (
    <form action={action} className="space-y-3">
      <IdFields issueId={issueId} articleId={articleId} />
      <FormStatus state={state} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1 space-y-1.5">
          <label htmlFor="move-page" className="text-sm font-medium text-ink">
            {t("targetPage")} <Gloss text={t("targetPageGloss")} className="ml-1 text-xs font-normal text-muted" />
          </label>
          <select id="move-page" name="pageId" className={inputClass} defaultValue={others[0]!.id} aria-describedby="move-page-hint">
            {others.map((page) => (
              <option key={page.id} value={page.id}>
                {tc("pageLabel", { number: String(page.number), name: page.name })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending} className={brandButton}>
          {pending ? t("moving") : t("move")}
        </button>
      </div>
      <p id="move-page-hint" className="text-xs text-muted">
        {zoneCount > 0 ? t("moveHintZones", { count: String(zoneCount) }) : t("moveHint")}
      </p>
    </form>
  );
}

/** Two steps: the first button only asks, the second deletes. */
function Confirmed({
  ask,
  question,
  confirm,
  pendingText,
  action,
  hidden,
  small,
}: {
  ask: string;
  question: string;
  confirm: string;
  pendingText: string;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string | number>;
  small?: boolean;
}) {
  const t = useTranslations("adminIssues.common");
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {});
  const confirmButton = useRef<HTMLButtonElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const questionId = `${useId()}-question`;

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) askButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button ref={askButton} type="button" onClick={() => setConfirming(true)} className={small ? smallButton : "rounded-md border border-brand px-4 py-2 text-sm text-brand transition hover:bg-brand hover:text-white"}>
        {ask}
      </button>
    );
  }
  return (
    <form action={formAction} role="group" aria-labelledby={questionId} className="space-y-3 rounded-md border border-brand/40 bg-brand/5 p-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p id={questionId} className="text-sm">
        {question}
      </p>
      <FormStatus state={state} />
      <div className="flex flex-wrap gap-3">
        <button ref={confirmButton} type="submit" disabled={pending} className={brandButton}>
          {pending ? pendingText : confirm}
        </button>
        <button type="button" onClick={() => setConfirming(false)} className={smallButton}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

export function DeleteArticleButton({ issueId, articleId, title, photoCount }: Ids & { title: string; photoCount: number }) {
  const t = useTranslations("adminIssues.articleTools");
  return (
    <Confirmed
      ask={t("deleteArticle")}
      question={photoCount > 0 ? t("deleteArticleQuestionPhotos", { title, count: photoCount }) : t("deleteArticleQuestion", { title })}
      confirm={t("confirmDelete")}
      pendingText={t("deleting")}
      action={deleteArticleAction}
      hidden={{ issueId, articleId }}
    />
  );
}

export type PhotoItem = { id: number; caption: string | null; credit: string | null; width: number | null; height: number | null };

/** One photo: thumbnail, 图片说明 / 摄影 form, order buttons and delete. */
export function PhotoEditor({ issueId, articleId, photo, index, count }: Ids & { photo: PhotoItem; index: number; count: number }) {
  const t = useTranslations("adminIssues.articleTools");
  const [state, action, pending] = useActionState<ActionState, FormData>(updatePhotoAction, {});
  const [moveState, moveAction, moving] = useActionState<ActionState, FormData>(movePhotoAction, {});
  const errors = state.fieldErrors ?? {};
  const captionId = `photo-${photo.id}-caption`;
  const creditId = `photo-${photo.id}-credit`;
  const label = photo.caption ? t("photoCaptionLabel", { caption: photo.caption.slice(0, 20) }) : t("photoNumberLabel", { n: String(index + 1) });
  return (
    <li className="grid gap-4 rounded-md border border-rule bg-white p-3 sm:grid-cols-[160px_1fr]">
      {/* eslint-disable-next-line @next/next/no-img-element -- a staff-only, access-checked route */}
      <img
        src={`/admin/issues/${issueId}/articles/${articleId}/photos/${photo.id}`}
        alt={photo.caption ?? t("photoAlt", { n: String(index + 1) })}
        width={photo.width ?? undefined}
        height={photo.height ?? undefined}
        className="h-auto w-full max-w-[160px] rounded border border-rule bg-stone-100"
      />
      <div className="space-y-3">
        <form action={action} className="space-y-2">
          <input type="hidden" name="issueId" value={issueId} />
          <input type="hidden" name="articleId" value={articleId} />
          <input type="hidden" name="photoId" value={photo.id} />
          <FormStatus state={state} />
          <div className="space-y-1">
            <label htmlFor={captionId} className="text-sm font-medium text-ink">
              {t("caption")} <Gloss text={t("captionGloss")} className="ml-1 text-xs font-normal text-muted" />
            </label>
            <textarea id={captionId} name="caption" rows={2} maxLength={300} defaultValue={state.values?.caption ?? photo.caption ?? ""} className={inputClass} aria-invalid={errors.caption ? true : undefined} />
            {errors.caption ? <p className="text-sm text-brand">{errors.caption.join(" ")}</p> : null}
          </div>
          <div className="space-y-1">
            <label htmlFor={creditId} className="text-sm font-medium text-ink">
              {t("credit")} <Gloss text={t("creditGloss")} className="ml-1 text-xs font-normal text-muted" />
            </label>
            <input id={creditId} name="credit" maxLength={100} defaultValue={state.values?.credit ?? photo.credit ?? ""} className={inputClass} aria-invalid={errors.credit ? true : undefined} />
            {errors.credit ? <p className="text-sm text-brand">{errors.credit.join(" ")}</p> : null}
          </div>
          <button type="submit" disabled={pending} className={brandButton}>
            {pending ? t("saving") : t("saveCaption")}
          </button>
        </form>
        <div className="flex flex-wrap items-start gap-2 border-t border-rule pt-3">
          <form action={moveAction} className="flex gap-2">
            <input type="hidden" name="issueId" value={issueId} />
            <input type="hidden" name="articleId" value={articleId} />
            <input type="hidden" name="photoId" value={photo.id} />
            <button type="submit" name="direction" value="up" disabled={moving || index === 0} className={smallButton} aria-label={t("moveUpLabel", { label })}>
              {t("moveUp")}
            </button>
            <button type="submit" name="direction" value="down" disabled={moving || index === count - 1} className={smallButton} aria-label={t("moveDownLabel", { label })}>
              {t("moveDown")}
            </button>
          </form>
          <Confirmed
            small
            ask={t("deletePhoto")}
            question={t("deletePhotoQuestion", { label })}
            confirm={t("confirmDelete")}
            pendingText={t("deleting")}
            action={deletePhotoAction}
            hidden={{ issueId, articleId, photoId: photo.id }}
          />
        </div>
        {moveState.error ? <FormStatus state={moveState} /> : null}
      </div>
    </li>
  );
}

/** 上传图片: caption and credit are typed first and sent with the file. */
export function PhotoUpload({ issueId, articleId, maxBytes }: Ids & { maxBytes: number }) {
  const t = useTranslations("adminIssues.articleTools");
  const [caption, setCaption] = useState("");
  const [credit, setCredit] = useState("");
  return (
    <div className="space-y-3 rounded-md border border-dashed border-rule p-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="new-photo-caption" className="text-sm font-medium text-ink">
            {t("caption")} <Gloss text={t("captionGloss")} className="ml-1 text-xs font-normal text-muted" />
          </label>
          <input id="new-photo-caption" maxLength={300} value={caption} onChange={(e) => setCaption(e.currentTarget.value)} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="new-photo-credit" className="text-sm font-medium text-ink">
            {t("credit")} <Gloss text={t("creditGloss")} className="ml-1 text-xs font-normal text-muted" />
          </label>
          <input id="new-photo-credit" maxLength={100} value={credit} onChange={(e) => setCredit(e.currentTarget.value)} className={inputClass} />
        </div>
      </div>
      <UploadWithProgress
        url={`/admin/issues/${issueId}/articles/${articleId}/photos`}
        accept="image/png,image/jpeg,image/webp,image/gif"
        label={t("uploadPhoto")}
        fieldName="file"
        fields={{ caption, credit }}
        hint={t("uploadHint")}
        maxBytes={maxBytes}
        buttonLabel={t("upload")}
      />
    </div>
  );
}
