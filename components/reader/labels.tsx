import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { InAppBrowser } from "@/lib/qr/in-app-browser";
import type { ReactNode } from "react";
import type { GatedBodyLabels } from "@/components/islands/gated-body";
import type { PageImageLabels } from "./page-image";
import type { PaywallLabels } from "./paywall";
import type { ReadingToolsLabels } from "./reading-tools";
import type { ZoomLabels } from "./zoomable-page";

// The texts of the reader's client components, translated on the server and
// handed down as props: reader pages ship no message catalog (and no
// next-intl) to the browser. Templates a client fills in itself ("{left}")
// come raw.

/**
 * A gloss is the English line printed beside the Chinese one ("本版文章
 * Articles on this page"): shown on Chinese pages only, since an English page
 * already says it.
 */
export async function showsGloss(): Promise<boolean> {
  return (await getLocale()) === "zh-CN";
}

export async function paywallLabels(): Promise<PaywallLabels> {
  const [t, gloss] = await Promise.all([getTranslations("reader.paywall"), showsGloss()]);
  return { label: t("label"), heading: t("heading"), headingGloss: gloss ? t("headingGloss") : null, signIn: t("signIn"), subscribe: t("subscribe") };
}

export async function gatedBodyLabels(): Promise<GatedBodyLabels> {
  const [t, paywall, gloss] = await Promise.all([getTranslations("reader"), paywallLabels(), showsGloss()]);
  const raw = (key: Parameters<typeof t.raw>[0]) => t.raw(key) as string;
  return {
    loading: t("gatedBody.loading"),
    failed: t("gatedBody.failed"),
    paywall,
    qrUnlock: { label: t("qrUnlock.label"), text: t("qrUnlock.text"), subscribe: t("qrUnlock.subscribe") },
    meter: {
      label: t("meter.label"),
      left: raw("meter.left"),
      leftGloss: gloss ? raw("meter.leftGloss") : null,
      last: raw("meter.last"),
      lastGloss: gloss ? raw("meter.lastGloss") : null,
      signUp: t("meter.signUp"),
      subscribe: t("meter.subscribe"),
    },
    meterWall: {
      label: t("meterWall.label"),
      heading: raw("meterWall.heading"),
      offerSubscribe: raw("meterWall.offerSubscribe"),
      offerMember: raw("meterWall.offerMember"),
      offerAnonymous: raw("meterWall.offerAnonymous"),
      gloss: gloss
        ? {
            heading: raw("meterWall.glossHeading"),
            subscribe: raw("meterWall.glossSubscribe"),
            member: raw("meterWall.glossMember"),
            anonymous: raw("meterWall.glossAnonymous"),
          }
        : null,
      signUp: t("meterWall.signUp"),
      signIn: t("meterWall.signIn"),
      subscribe: t("meterWall.subscribe"),
    },
  };
}

export async function readingToolsLabels(): Promise<ReadingToolsLabels> {
  const t = await getTranslations("reader");
  return {
    label: t("readingTools.label"),
    fontSize: t("readingTools.fontSize"),
    fontSizeHead: t("readingTools.fontSizeHead"),
    fontSizes: { standard: t("readingTools.fontSizes.standard"), large: t("readingTools.fontSizes.large"), xlarge: t("readingTools.fontSizes.xlarge") },
    theme: t("readingTools.theme"),
    themeHead: t("readingTools.themeHead"),
    themes: { light: t("readingTools.themes.light"), dark: t("readingTools.themes.dark"), system: t("readingTools.themes.system") },
    listen: {
      label: t("listen.label"),
      listen: t("listen.listen"),
      pause: t("listen.pause"),
      resume: t("listen.resume"),
      stop: t("listen.stop"),
      speaking: t("listen.speaking"),
      paused: t("listen.paused"),
    },
  };
}

/** The apps whose browsers get the hint (files don't download there, card checkout often fails). */
const hintedApps: InAppBrowser[] = ["wechat", "alipay", "qq", "weibo"];

export type InAppHintLabels = { label: string; text: Partial<Record<InAppBrowser, ReactNode>> };

export async function inAppHintLabels(): Promise<InAppHintLabels> {
  const t = await getTranslations("reader.inAppHint");
  const text = (app: InAppBrowser) => t.rich("text", { app: t(`apps.${app}`), strong: (chunks) => <strong>{chunks}</strong> });
  return { label: t("label"), text: Object.fromEntries(hintedApps.map((app) => [app, text(app)])) };
}

export async function zoomLabels(): Promise<ZoomLabels> {
  const [t, gloss] = await Promise.all([getTranslations("reader.zoom"), showsGloss()]);
  return {
    label: t("label"),
    zoomIn: t("zoomIn"),
    zoomInGloss: gloss ? t("zoomInGloss") : null,
    zoomOut: t("zoomOut"),
    zoomOutGloss: gloss ? t("zoomOutGloss") : null,
    reset: t("reset"),
    resetGloss: gloss ? t("resetGloss") : null,
    help: t("help"),
    helpGloss: gloss ? t("helpGloss") : null,
  };
}

export async function pageImageLabels(): Promise<PageImageLabels> {
  const t = await getTranslations("reader.pageImage");
  return { locked: t("locked"), failed: t("failed"), signIn: t("signIn"), subscribe: t("subscribe") };
}
