"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { UploadWithProgress } from "@/components/admin/upload-with-progress";
import { FormStatus } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
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
  const [state, action, pending] = useActionState<ActionState, FormData>(moveArticleAction, {});
  const others = pages.filter((p) => p.id !== currentPageId);
  if (others.length === 0) return <p className="text-sm text-muted">本期只有一个版面。</p>;
  return (
    <form action={action} className="space-y-3">
      <IdFields issueId={issueId} articleId={articleId} />
      <FormStatus state={state} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1 space-y-1.5">
          <label htmlFor="move-page" className="text-sm font-medium text-ink">
            目标版面 <span className="ml-1 text-xs font-normal text-muted">Move to page</span>
          </label>
          <select id="move-page" name="pageId" className={inputClass} defaultValue={others[0]!.id} aria-describedby="move-page-hint">
            {others.map((page) => (
              <option key={page.id} value={page.id}>
                第{page.number}版 {page.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending} className={brandButton}>
          {pending ? "正在移动…" : "移至该版"}
        </button>
      </div>
      <p id="move-page-hint" className="text-xs text-muted">
        稿件排到目标版面的最后。热区是按原版面图划定的,移动后将被清除{zoneCount > 0 ? `(现有 ${zoneCount} 个)` : ""},需在新版面上重新划定。
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
          取消
        </button>
      </div>
    </form>
  );
}

export function DeleteArticleButton({ issueId, articleId, title, photoCount }: Ids & { title: string; photoCount: number }) {
  return (
    <Confirmed
      ask="删除稿件…"
      question={`确定删除「${title}」吗?${photoCount > 0 ? `它的 ${photoCount} 张图片也将一并删除。` : ""}此操作无法撤销。`}
      confirm="确认删除"
      pendingText="正在删除…"
      action={deleteArticleAction}
      hidden={{ issueId, articleId }}
    />
  );
}

export type PhotoItem = { id: number; caption: string | null; credit: string | null; width: number | null; height: number | null };

/** One photo: thumbnail, 图片说明 / 摄影 form, order buttons and delete. */
export function PhotoEditor({ issueId, articleId, photo, index, count }: Ids & { photo: PhotoItem; index: number; count: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updatePhotoAction, {});
  const [moveState, moveAction, moving] = useActionState<ActionState, FormData>(movePhotoAction, {});
  const errors = state.fieldErrors ?? {};
  const captionId = `photo-${photo.id}-caption`;
  const creditId = `photo-${photo.id}-credit`;
  const label = photo.caption ? `「${photo.caption.slice(0, 20)}」` : `第${index + 1}张`;
  return (
    <li className="grid gap-4 rounded-md border border-rule bg-white p-3 sm:grid-cols-[160px_1fr]">
      {/* eslint-disable-next-line @next/next/no-img-element -- a staff-only, access-checked route */}
      <img
        src={`/admin/issues/${issueId}/articles/${articleId}/photos/${photo.id}`}
        alt={photo.caption ?? `图片 ${index + 1}`}
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
              图片说明 <span className="ml-1 text-xs font-normal text-muted">Caption</span>
            </label>
            <textarea id={captionId} name="caption" rows={2} maxLength={300} defaultValue={state.values?.caption ?? photo.caption ?? ""} className={inputClass} aria-invalid={errors.caption ? true : undefined} />
            {errors.caption ? <p className="text-sm text-brand">{errors.caption.join(" ")}</p> : null}
          </div>
          <div className="space-y-1">
            <label htmlFor={creditId} className="text-sm font-medium text-ink">
              摄影/来源 <span className="ml-1 text-xs font-normal text-muted">Credit</span>
            </label>
            <input id={creditId} name="credit" maxLength={100} defaultValue={state.values?.credit ?? photo.credit ?? ""} className={inputClass} aria-invalid={errors.credit ? true : undefined} />
            {errors.credit ? <p className="text-sm text-brand">{errors.credit.join(" ")}</p> : null}
          </div>
          <button type="submit" disabled={pending} className={brandButton}>
            {pending ? "正在保存…" : "保存说明"}
          </button>
        </form>
        <div className="flex flex-wrap items-start gap-2 border-t border-rule pt-3">
          <form action={moveAction} className="flex gap-2">
            <input type="hidden" name="issueId" value={issueId} />
            <input type="hidden" name="articleId" value={articleId} />
            <input type="hidden" name="photoId" value={photo.id} />
            <button type="submit" name="direction" value="up" disabled={moving || index === 0} className={smallButton} aria-label={`${label}上移`}>
              上移 ↑
            </button>
            <button type="submit" name="direction" value="down" disabled={moving || index === count - 1} className={smallButton} aria-label={`${label}下移`}>
              下移 ↓
            </button>
          </form>
          <Confirmed
            small
            ask="删除图片…"
            question={`确定删除${label}吗?此操作无法撤销。`}
            confirm="确认删除"
            pendingText="正在删除…"
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
  const [caption, setCaption] = useState("");
  const [credit, setCredit] = useState("");
  return (
    <div className="space-y-3 rounded-md border border-dashed border-rule p-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="new-photo-caption" className="text-sm font-medium text-ink">
            图片说明 <span className="ml-1 text-xs font-normal text-muted">Caption</span>
          </label>
          <input id="new-photo-caption" maxLength={300} value={caption} onChange={(e) => setCaption(e.currentTarget.value)} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="new-photo-credit" className="text-sm font-medium text-ink">
            摄影/来源 <span className="ml-1 text-xs font-normal text-muted">Credit</span>
          </label>
          <input id="new-photo-credit" maxLength={100} value={credit} onChange={(e) => setCredit(e.currentTarget.value)} className={inputClass} />
        </div>
      </div>
      <UploadWithProgress
        url={`/admin/issues/${issueId}/articles/${articleId}/photos`}
        accept="image/png,image/jpeg,image/webp,image/gif"
        label="上传图片 Upload photo"
        fieldName="file"
        fields={{ caption, credit }}
        hint="PNG、JPEG、WebP 或 GIF;图片会被重新编码,最宽 1600 像素。"
        maxBytes={maxBytes}
        buttonLabel="上传"
      />
    </div>
  );
}
