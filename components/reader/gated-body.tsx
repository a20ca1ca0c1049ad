"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { ArticlePhoto } from "@/lib/article-photos";
import { ArticlePhotos } from "./article-photos";
import { BodyBlocks } from "./body-blocks";
import { Paywall } from "./paywall";

/** Metering (lib/metering.ts): this month's free articles used, out of the allowance. */
type Meter = { used: number; allowance: number; memberAllowance: number | null };

type State =
  | { status: "loading" }
  | { status: "ready"; rest: string[]; photos: ArticlePhoto[]; unlockedByQr: boolean; meter: Meter | null; signedIn: boolean }
  | { status: "denied"; signedIn: boolean; accessNote: string | null; wall: Meter | null }
  | { status: "failed" };

const stringsOnly = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const count = (value: unknown): number | null => (Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : null);

function meterOf(value: unknown): Meter | null {
  const { used, allowance, memberAllowance } = (value ?? {}) as Record<string, unknown>;
  const [u, a] = [count(used), count(allowance)];
  return u === null || a === null || a === 0 ? null : { used: u, allowance: a, memberAllowance: count(memberAllowance) };
}

/**
 * The signed-in reader's article page is cached and the same for everyone; the
 * text after the teaser comes from an access-checked endpoint, for this reader only,
 * as blocks of HTML the server sanitised (lib/article-body.ts). A device that
 * scanned this article's printed code gets it too, and is told why. With metering
 * on, readers without a subscription get it while this month's free articles
 * last, with a notice of how many are left, and then the registration wall.
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
          setState({
            status: "ready",
            rest: stringsOnly(body.rest),
            photos: body.photos ?? [],
            unlockedByQr: body.unlockedBy === "qr",
            meter: meterOf(body.meter),
            signedIn: body.meter?.signedIn === true,
          });
        else if (response.status === 401 || response.status === 403)
          setState({ status: "denied", signedIn: response.status === 403, accessNote: body.accessNote ?? null, wall: meterOf(body.wall) });
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
          {state.meter && <MeterNotice meter={state.meter} signedIn={state.signedIn} articleId={articleId} />}
          <BodyBlocks blocks={state.rest} />
          {state.photos.length > 0 && (
            <div className="mt-6">
              <ArticlePhotos photos={state.photos} alt={title} />
            </div>
          )}
        </div>
      );
    case "denied":
      if (state.wall) return <MeterWall wall={state.wall} signedIn={state.signedIn} articleId={articleId} accessNote={state.accessNote} />;
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

const returnTo = (articleId: number) => encodeURIComponent(`/articles/${articleId}`);
const buttonClass = "inline-block rounded bg-brand px-4 py-2 text-white hover:bg-brand-dark";
const outlineClass = "inline-block rounded border border-brand px-4 py-2 text-brand hover:bg-brand hover:text-white";

/** A metered read: how many of this month's free articles are left, and the way to more. */
function MeterNotice({ meter, signedIn, articleId }: { meter: Meter; signedIn: boolean; articleId: number }) {
  const left = Math.max(meter.allowance - meter.used, 0);
  return (
    <aside role="note" aria-label="免费阅读 Free articles" className="my-4 rounded-lg border border-brand/40 bg-white p-4 text-sm" data-testid="meter-notice">
      <p>
        {left > 0 ? `本月还可免费阅读 ${left} 篇订阅文章(共 ${meter.allowance} 篇)。` : `这是您本月最后一篇免费文章(共 ${meter.allowance} 篇)。`}
        <span className="ml-1 text-muted">
          {left > 0 ? `You have ${left} of ${meter.allowance} free articles left this month.` : `This is your last free article this month.`}
        </span>
      </p>
      <p className="mt-3 flex flex-wrap gap-3">
        {!signedIn && (
          <Link href={`/register?next=${returnTo(articleId)}`} className={outlineClass}>
            免费注册 Sign up
          </Link>
        )}
        <Link href="/subscribe" className={buttonClass}>
          订阅本报 Subscribe
        </Link>
      </p>
    </aside>
  );
}

/** The month's free articles are used: anonymous readers are asked to register (or sign in), members to subscribe. */
function MeterWall({ wall, signedIn, articleId, accessNote }: { wall: Meter; signedIn: boolean; articleId: number; accessNote: string | null }) {
  const offer = signedIn
    ? "订阅后可阅读全部文章。"
    : wall.memberAllowance
      ? `注册后每月可再免费阅读 ${wall.memberAllowance} 篇,订阅后可阅读全部文章。`
      : "订阅后可阅读全部文章;已订阅请登录。";
  return (
    <section aria-label="免费文章已读完 Free articles used" className="mt-6 rounded-lg border border-brand/40 bg-white p-5 text-center" data-testid="meter-wall">
      <p className="font-bold">
        您本月的 {wall.allowance} 篇免费文章已读完({wall.used}/{wall.allowance})。
      </p>
      <p className="mt-1">{offer}</p>
      <p className="mt-1 text-sm text-muted">
        You have read your {wall.allowance} free articles this month.{" "}
        {signedIn ? "Subscribe to read them all." : wall.memberAllowance ? `Sign up for ${wall.memberAllowance} more a month, or subscribe.` : "Sign up or subscribe to read on."}
      </p>
      {accessNote && <p className="mt-3 text-sm">{accessNote}</p>}
      <p className="mt-4 flex flex-wrap justify-center gap-3">
        {!signedIn && (
          <>
            <Link href={`/register?next=${returnTo(articleId)}`} className={buttonClass}>
              免费注册 Sign up
            </Link>
            <Link href={`/login?next=${returnTo(articleId)}`} className={outlineClass}>
              登录 Sign in
            </Link>
          </>
        )}
        <Link href="/subscribe" className={signedIn ? buttonClass : outlineClass}>
          订阅财信报 Subscribe
        </Link>
      </p>
    </section>
  );
}
