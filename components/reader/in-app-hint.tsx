"use client";

import { useSyncExternalStore } from "react";
import { inAppBrowser, inAppBrowserNames, type InAppBrowser } from "@/lib/qr/in-app-browser";

const HINTED: readonly InAppBrowser[] = ["wechat", "alipay", "qq", "weibo"];

const noSubscription = () => () => {};
const appOfThisBrowser = (): InAppBrowser | null => {
  const app = inAppBrowser(navigator.userAgent);
  return app && HINTED.includes(app) ? app : null;
};
// The server (and hydration) render nothing, so cached pages stay the same for every reader.
const onServer = (): InAppBrowser | null => null;

/**
 * Inside WeChat, Alipay, QQ or Weibo, files don't download and Stripe card
 * checkout often fails: say so, and how to get to the system browser.
 */
export function InAppHint() {
  const app = useSyncExternalStore(noSubscription, appOfThisBrowser, onServer);
  if (!app) return null;
  return (
    <aside role="note" aria-label="浏览器提示 Browser hint" className="my-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="in-app-hint">
      <p>
        <strong>您正在{inAppBrowserNames[app]}内浏览。</strong>这里无法下载文件,银行卡支付(Stripe)也需要在系统浏览器中完成。请点击右上角 ··· 选择「在浏览器打开」。
      </p>
    </aside>
  );
}
