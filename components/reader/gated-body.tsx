"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { ArticlePhoto } from "@/lib/article-photos";
import { ArticlePhotos } from "./article-photos";
import { BodyBlocks } from "./body-blocks";
import { Paywall } from "./paywall";

type State =
  | { status: "loading" }
  | { status: "ready"; rest: string[]; photos: ArticlePhoto[]; unlockedByQr: boolean }
  | { status: "denied"; signedIn: boolean; accessNote: string | null }
  | { status: "failed" };

const stringsOnly = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/**
 * The signed-in reader's article page is cached and the same for everyone; the
 * text after the teaser comes from an access-checked endpoint, for this reader only,
 * as blocks of HTML the server sanitised (lib/article-body.ts). A device that
 * scanned this article's printed code gets it too, and is told why.
 */
export function GatedBody({ articleId, title }: { articleId: number; title: string }) {
  const [state, setState] = useState<State>({ status: "loading" });

  useEffect(() => {
    let live = true;
    fetch(`/api/articles/${articleId}/body`, { credentials: "same-origin", cache: "no-store" })
      .then(async (response) => {
        const body = await response.json().catch(() => ({}));
        if (!live) return;
        if (response.ok)
          setState({ status: "ready", rest: stringsOnly(body.rest), photos: body.photos ?? [], unlockedByQr: body.unlockedBy === "qr" });
        else if (response.status === 401 || response.status === 403)
          setState({ status: "denied", signedIn: response.status === 403, accessNote: body.accessNote ?? null });
        else setState({ status: "failed" });
      })
      .catch(() => live && setState({ status: "failed" }));
    return () => {
      live = false;
    };
  }, [articleId]);

  switch (state.status) {
    case "loading":
      return (
        <div aria-busy="true" aria-live="polite" className="mt-2 space-y-3" data-testid="body-loading">
          <span className="sr-only">正在载入全文 Loading the article</span>
          {[100, 96, 90, 70].map((w) => (
            <div key={w} className="h-4 animate-pulse rounded bg-stone-200" style={{ width: `${w}%` }} />
          ))}
        </div>
      );
    case "ready":
      return (
        <div aria-live="polite">
          {state.unlockedByQr && <QrUnlockNotice />}
          <BodyBlocks blocks={state.rest} />
          {state.photos.length > 0 && (
            <div className="mt-6">
              <ArticlePhotos photos={state.photos} alt={title} />
            </div>
          )}
        </div>
      );
    case "denied":
      return <Paywall signedIn={state.signedIn} articleId={articleId} accessNote={state.accessNote} />;
    case "failed":
      return (
        <p role="alert" className="mt-4 rounded border border-brand/30 bg-white p-4 text-sm">
          全文暂时无法载入,请刷新重试。The article could not be loaded; please reload.
        </p>
      );
  }
}

/** The paper in hand paid for this article; the notice says so and offers the rest of the paper. */
function QrUnlockNotice() {
  return (
    <aside role="note" aria-label="扫码解锁 Unlocked by QR code" className="my-4 rounded-lg border border-brand/40 bg-white p-4 text-sm" data-testid="qr-unlock-notice">
      <p>您扫描了报纸上的二维码,本文已为您解锁(7天内有效)。订阅后可阅读全部文章。</p>
      <p className="mt-3">
        <Link href="/subscribe" className="inline-block rounded bg-brand px-4 py-2 text-white hover:bg-brand-dark">
          订阅本报 Subscribe
        </Link>
      </p>
    </aside>
  );
}
