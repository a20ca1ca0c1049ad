import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { nextIssueDefaults } from "@/lib/calendar";
import type { Locale } from "@/lib/i18n/config";
import { paperDate, paperWeekday } from "@/lib/i18n/format";
import { Gloss } from "../gloss";
import { NewIssueForm } from "../new-issue-form";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminIssues.newIssue" });
  return { title: t("metaTitle") };
}

export default async function NewIssuePage({ params }: { params: Params }) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  await requireStaff("/admin/issues/new");
  const t = await getTranslations("adminIssues");
  const defaults = await nextIssueDefaults();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm">
        <Link href="/admin/issues" className="text-muted hover:text-brand">
          {t("common.backToIssues")}
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">
        {t("newIssue.title")} <Gloss text={t("newIssue.titleGloss")} className="font-sans text-sm font-normal text-muted" />
      </h1>
      <p className="text-sm text-muted">
        {defaults
          ? t("newIssue.nextIssue", {
              date: paperDate(defaults.date, locale as Locale),
              weekday: paperWeekday(defaults.date, locale as Locale),
              number: String(defaults.number),
            })
          : t("newIssue.noPublicationDay")}
        {t("newIssue.draftNote")}
      </p>
      <Panel>
        <NewIssueForm initial={{ date: defaults?.date ?? "", number: defaults ? String(defaults.number) : "", pageCount: "8" }} />
      </Panel>
    </div>
  );
}
