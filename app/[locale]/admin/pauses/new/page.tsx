import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import type { Locale } from "@/lib/i18n/config";
import { PauseForm } from "../pause-form";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminPublishing.pauses.new" });
  return { title: t("metaTitle") };
}

export default async function NewPausePage({ params }: { params: Params }) {
  setRequestLocale((await params).locale as Locale);
  await requireStaff("/admin/pauses/new");
  const t = await getTranslations("adminPublishing.pauses.new");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm">
        <Link href="/admin/pauses" className="text-muted hover:text-brand">
          {t("back")}
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">
        {t("title")} {t("titleGloss") ? <span className="font-sans text-sm font-normal text-muted">{t("titleGloss")}</span> : null}
      </h1>
      <Panel>
        <PauseForm initial={{ startsOn: "", endsOn: "", reason: "", basis: "", announceOn: "", noticeText: "" }} submitLabel={t("submit")} />
      </Panel>
    </div>
  );
}
