import { getLocale, getTranslations } from "next-intl/server";
import { PauseBannerNotice } from "./pause-banner-client";

/**
 * The site-wide 休刊 banner (./pause-banner-client.tsx), with its texts
 * translated here on the server: the browser gets no message catalog.
 */
export async function PauseBanner() {
  const [t, locale] = await Promise.all([getTranslations("reader.pauseBanner"), getLocale()]);
  return <PauseBannerNotice locale={locale} labels={{ label: t("label"), badge: t("badge"), next: t("next"), close: t("close") }} />;
}
