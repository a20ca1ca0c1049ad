import type { Metadata, Viewport } from "next";
import { PauseBanner } from "@/components/reader/pause-banner";
import { SiteFooter } from "@/components/reader/site-footer";
import { SiteHeader } from "@/components/reader/site-header";
import { readingSettingsScript } from "@/lib/reading-settings";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "财信报 数字报", template: "%s · 财信报" },
  description: "财信报数字报:每周一、周四出版。Caixin Bao e-edition.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#a51d24" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The head script sets data-theme / data-font-size before the first paint, so React must accept them.
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: readingSettingsScript }} />
      </head>
      <body className="flex min-h-dvh flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2">
          跳到正文 Skip to content
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
