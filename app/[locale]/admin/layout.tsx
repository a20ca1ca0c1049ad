import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireStaff } from "@/lib/access";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { children?: React.ReactNode; params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminPeople.layout" });
  return { title: { default: t("title"), template: t("titleTemplate") }, robots: { index: false } };
}

/**
 * The staff area. The layout turns members away early, but it is not the
 * guard: layouts do not re-run on every navigation and server actions never
 * pass through them, so every page and action under /admin checks again.
 */
export default async function AdminLayout({ children, params }: { children: React.ReactNode; params: Params }) {
  setRequestLocale((await params).locale as Locale);
  const viewer = await requireStaff("/admin");
  const { common, account, adminIssues, adminQr, adminPeople, adminPublishing } = await getMessages();
  const t = await getTranslations("adminPeople.layout");
  const hint = t("headingHint");
  return (
    // Staff screens' client components translate with useTranslations: only the staff areas' catalogs ship.
    <NextIntlClientProvider messages={{ common, account: { form: account.form }, adminIssues, adminQr, adminPeople, adminPublishing }}>
      <div className="space-y-6">
        <header className="flex flex-wrap items-center justify-between gap-3 border-b border-rule pb-3">
          <p className="font-serif text-lg font-bold">
            {t("heading")} {hint ? <span className="font-sans text-xs font-normal text-muted">{hint}</span> : null}
          </p>
          <AdminNav isAdmin={viewer.role === "admin"} />
        </header>
        {children}
      </div>
    </NextIntlClientProvider>
  );
}
