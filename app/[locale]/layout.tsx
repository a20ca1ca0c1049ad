import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PauseBanner } from "@/components/reader/pause-banner";
import { SiteFooter } from "@/components/reader/site-footer";
import { SiteHeader } from "@/components/reader/site-header";
import { isLocale, locales } from "@/lib/i18n/config";
import { readingSettingsScript } from "@/lib/reading-settings";
import "../globals.css";

// Both languages' pages are built and cached side by side; next.config.ts picks one by the reader's cookie.
export const generateStaticParams = () => locales.map((locale) => ({ locale }));

export async function generateMetadata({ params }: { children?: React.ReactNode; params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "common.meta" });
  return { title: { default: t("title"), template: t("titleTemplate") }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#a51d24" };

export default async function RootLayout({ children, params }: { children?: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("common");
  return (
    // The head script sets data-theme / data-font-size before the first paint, so React must accept them.
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: readingSettingsScript }} />
      </head>
      <body className="flex min-h-dvh flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2">
          {t("skipToContent")}
        </a>
        <SiteHeader />
        <PauseBanner />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
