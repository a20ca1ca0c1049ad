import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireStaff } from "@/lib/access";

export const metadata: Metadata = { title: { default: "编辑后台", template: "%s · 编辑后台 · 财信报" }, robots: { index: false } };

/**
 * The staff area. The layout turns members away early, but it is not the
 * guard: layouts do not re-run on every navigation and server actions never
 * pass through them, so every page and action under /admin checks again.
 */
export default async function AdminLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale as Locale);
  const viewer = await requireStaff("/admin");
  const { common, adminIssues, adminQr, adminPeople, adminPublishing } = await getMessages();
  return (
    // Staff screens' client components translate with useTranslations: only the staff areas' catalogs ship.
    <NextIntlClientProvider messages={{ common, adminIssues, adminQr, adminPeople, adminPublishing }}>
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-rule pb-3">
        <p className="font-serif text-lg font-bold">
          编辑后台 <span className="font-sans text-xs font-normal text-muted">Admin</span>
        </p>
        <AdminNav isAdmin={viewer.role === "admin"} />
      </header>
      {children}
    </div>
    </NextIntlClientProvider>
  );
}
