"use client";

import { useSyncExternalStore, type ReactNode } from "react";
import { inAppBrowser, type InAppBrowser } from "@/lib/qr/in-app-browser";

const HINTED: readonly InAppBrowser[] = ["wechat", "alipay", "qq", "weibo"];

const noSubscription = () => () => {};
const appOfThisBrowser = (): InAppBrowser | null => {
  const app = inAppBrowser(navigator.userAgent);
  return app && HINTED.includes(app) ? app : null;
};
// The server (and hydration) render nothing, so cached pages stay the same for every reader.
const onServer = (): InAppBrowser | null => null;

/** Translated (and marked up) by the server wrapper (./in-app-hint.tsx): the hint as it reads in each app. */
export type InAppHintLabels = { label: string; text: Record<InAppBrowser, ReactNode> };

/**
 * Inside WeChat, Alipay, QQ or Weibo, files don't download and Stripe card
 * checkout often fails: say so, and how to get to the system browser.
 */
export function InAppHintNotice({ labels }: { labels: InAppHintLabels }) {
  const app = useSyncExternalStore(noSubscription, appOfThisBrowser, onServer);
  if (!app) return null;
  return (
    <aside role="note" aria-label={labels.label} className="my-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="in-app-hint">
      <p>{labels.text[app]}</p>
    </aside>
  );
}
