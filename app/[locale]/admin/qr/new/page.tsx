import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { QrCodeForm } from "@/components/admin/qr-code-form";
import { requireStaff } from "@/lib/access";
import type { Locale } from "@/lib/i18n/config";
import { recentIssues } from "@/lib/qr/codes-view";
import { Gloss } from "../gloss";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminQr.meta" });
  return { title: t("new") };
}

export default async function NewQrCodePage({ params }: { params: Params }) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  await requireStaff("/admin/qr/new");
  const t = await getTranslations("adminQr");
  const issues = await recentIssues();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href="/admin/qr" className="text-muted hover:text-brand">
          {t("back")}
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">
        {t("new.title")}<Gloss text={t("new.titleGloss")} className="font-sans text-sm font-normal text-muted" />
      </h1>
      <p className="text-sm text-muted">{t("new.intro")}</p>
      <QrCodeForm initial={{ placement: "masthead", destination: "landing", enabled: "on" }} issues={issues} />
    </div>
  );
}
