import { getLocale, getTranslations } from "next-intl/server";
import { Island } from "@/components/islands/island";

/**
 * The site-wide 休刊 banner: an empty spot the pause-banner island
 * (components/islands/pause-banner.ts) fills after load, with its texts
 * translated here on the server: the browser gets no message catalog.
 */
export async function PauseBanner() {
  const [t, locale] = await Promise.all([getTranslations("reader.pauseBanner"), getLocale()]);
  return <Island name="pause-banner" props={{ locale, labels: { label: t("label"), badge: t("badge"), next: t("next"), close: t("close") } }} />;
}
