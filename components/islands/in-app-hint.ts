import { inAppBrowser, type InAppBrowser } from "@/lib/qr/in-app-browser";

const HINTED: readonly InAppBrowser[] = ["wechat", "alipay", "qq", "weibo"];

/**
 * Inside WeChat, Alipay, QQ or Weibo, files don't download and Stripe card
 * checkout often fails: say so, and how to get to the system browser. The
 * server renders each app's wording hidden (the page is the same for every
 * reader); this keeps the one for this browser and drops the rest.
 */
export function mountInAppHint(root: HTMLElement) {
  const app = inAppBrowser(navigator.userAgent);
  if (!app || !HINTED.includes(app)) return;
  const hint = root.querySelector<HTMLElement>("[data-in-app-hint]");
  if (!hint) return;
  for (const text of hint.querySelectorAll<HTMLElement>("[data-app]")) {
    if (text.dataset.app === app) text.hidden = false;
    else text.remove();
  }
  hint.hidden = false;
}
