"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { ArticlePhoto } from "@/lib/article-photos";
import { ArticlePhotos } from "./article-photos";
import { BodyBlocks } from "./body-blocks";
import { Paywall, type PaywallLabels } from "./paywall";

/**
 * Every text of the gated body, translated by the server parent (no message
 * catalog ships to the browser). Templates keep their {placeholders}, filled in
 * here; a gloss is the English line beside the Chinese, null in English.
 */
export type GatedBodyLabels = {
  loading: string;
  failed: string;
  paywall: PaywallLabels;
  qrUnlock: { label: string; text: string; subscribe: string };
  meter: { label: string; left: string; leftGloss: string | null; last: string; lastGloss: string | null; signUp: string; subscribe: string };
  meterWall: {
    label: string;
    heading: string;
    offerSubscribe: string;
    offerMember: string;
    offerAnonymous: string;
    gloss: { heading: string; subscribe: string; member: string; anonymous: string } | null;
    signUp: string;
    signIn: string;
    subscribe: string;
  };
};

/** "{left} of {allowance}" with the numbers put in. */
const fill = (template: string, values: Record<string, number>): string => template.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));

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
export function GatedBody({ articleId, title, labels }: { articleId: number; title: string; labels: GatedBodyLabels }) {
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
          <span className="sr-only">{labels.loading}</span>
          {[100, 96, 90, 70].map((w) => (
            <div key={w} className="h-4 animate-pulse rounded bg-stone-200" style={{ width: `${w}%` }} />
          ))}
        </div>
      );
    case "ready":
      return (
        <div aria-live="polite">
          {state.unlockedByQr && <QrUnlockNotice labels={labels.qrUnlock} />}
          {state.meter && <MeterNotice meter={state.meter} signedIn={state.signedIn} articleId={articleId} labels={labels.meter} />}
          <BodyBlocks blocks={state.rest} />
          {state.photos.length > 0 && (
            <div className="mt-6">
              <ArticlePhotos photos={state.photos} alt={title} />
            </div>
          )}
        </div>
      );
    case "denied":
      if (state.wall) return <MeterWall wall={state.wall} signedIn={state.signedIn} articleId={articleId} accessNote={state.accessNote} labels={labels.meterWall} />;
      return <Paywall signedIn={state.signedIn} articleId={articleId} accessNote={state.accessNote} labels={labels.paywall} />;
    case "failed":
      return (
        <p role="alert" className="mt-4 rounded border border-brand/30 bg-white p-4 text-sm">
          {labels.failed}
        </p>
      );
  }
}

/** The paper in hand paid for this article; the notice says so and offers the rest of the paper. */
function QrUnlockNotice({ labels }: { labels: GatedBodyLabels["qrUnlock"] }) {
  return (
    <aside role="note" aria-label={labels.label} className="my-4 rounded-lg border border-brand/40 bg-white p-4 text-sm" data-testid="qr-unlock-notice">
      <p>{labels.text}</p>
      <p className="mt-3">
        <Link href="/subscribe" className="inline-block rounded bg-brand px-4 py-2 text-white hover:bg-brand-dark">
          {labels.subscribe}
        </Link>
      </p>
    </aside>
  );
}

const returnTo = (articleId: number) => encodeURIComponent(`/articles/${articleId}`);
const buttonClass = "inline-block rounded bg-brand px-4 py-2 text-white hover:bg-brand-dark";
const outlineClass = "inline-block rounded border border-brand px-4 py-2 text-brand hover:bg-brand hover:text-white";

/** A metered read: how many of this month's free articles are left, and the way to more. */
function MeterNotice({ meter, signedIn, articleId, labels }: { meter: Meter; signedIn: boolean; articleId: number; labels: GatedBodyLabels["meter"] }) {
  const left = Math.max(meter.allowance - meter.used, 0);
  const values = { left, allowance: meter.allowance };
  const gloss = left > 0 ? labels.leftGloss : labels.lastGloss;
  return (
    <aside role="note" aria-label={labels.label} className="my-4 rounded-lg border border-brand/40 bg-white p-4 text-sm" data-testid="meter-notice">
      <p>
        {fill(left > 0 ? labels.left : labels.last, values)}
        {gloss && <span className="ml-1 text-muted">{fill(gloss, values)}</span>}
      </p>
      <p className="mt-3 flex flex-wrap gap-3">
        {!signedIn && (
          <Link href={`/register?next=${returnTo(articleId)}`} className={outlineClass}>
            {labels.signUp}
          </Link>
        )}
        <Link href="/subscribe" className={buttonClass}>
          {labels.subscribe}
        </Link>
      </p>
    </aside>
  );
}

/** The month's free articles are used: anonymous readers are asked to register (or sign in), members to subscribe. */
function MeterWall({ wall, signedIn, articleId, accessNote, labels }: { wall: Meter; signedIn: boolean; articleId: number; accessNote: string | null; labels: GatedBodyLabels["meterWall"] }) {
  const values = { allowance: wall.allowance, used: wall.used, count: wall.memberAllowance ?? 0 };
  const offer = signedIn ? labels.offerSubscribe : wall.memberAllowance ? labels.offerMember : labels.offerAnonymous;
  const { gloss } = labels;
  return (
    <section aria-label={labels.label} className="mt-6 rounded-lg border border-brand/40 bg-white p-5 text-center" data-testid="meter-wall">
      <p className="font-bold">{fill(labels.heading, values)}</p>
      <p className="mt-1">{fill(offer, values)}</p>
      {gloss && (
        <p className="mt-1 text-sm text-muted">
          {fill(gloss.heading, values)}{" "}
          {fill(signedIn ? gloss.subscribe : wall.memberAllowance ? gloss.member : gloss.anonymous, values)}
        </p>
      )}
      {accessNote && <p className="mt-3 text-sm">{accessNote}</p>}
      <p className="mt-4 flex flex-wrap justify-center gap-3">
        {!signedIn && (
          <>
            <Link href={`/register?next=${returnTo(articleId)}`} className={buttonClass}>
              {labels.signUp}
            </Link>
            <Link href={`/login?next=${returnTo(articleId)}`} className={outlineClass}>
              {labels.signIn}
            </Link>
          </>
        )}
        <Link href="/subscribe" className={signedIn ? buttonClass : outlineClass}>
          {labels.subscribe}
        </Link>
      </p>
    </section>
  );
}
