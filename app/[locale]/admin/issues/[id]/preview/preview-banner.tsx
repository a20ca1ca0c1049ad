import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Issue } from "@/lib/editions";
import type { Locale } from "@/lib/i18n/config";
import { paperDate, paperDateTime } from "@/lib/i18n/format";
import { Gloss } from "../../gloss";

/** On every preview page: whose eyes this is for, and the way back to the issue's admin page. */
export async function PreviewBanner({ issue, links = [] }: { issue: Issue; links?: { href: string; label: string }[] }) {
  const t = await getTranslations("adminIssues");
  const locale = (await getLocale()) as Locale;
  const published = issue.status === "published";
  const state = published
    ? t("preview.statePublished")
    : issue.status === "scheduled" && issue.publishAt
      ? t("preview.stateScheduled", { time: paperDateTime(issue.publishAt, locale) })
      : t("preview.stateDraft");
  return (
    <aside
      aria-label={t("preview.label")}
      className={`flex flex-wrap items-center justify-between gap-2 rounded-md border px-3 py-2 text-sm ${
        published ? "border-emerald-700/30 bg-emerald-50 text-emerald-950" : "border-amber-400 bg-amber-50 text-amber-950"
      }`}
    >
      <p>
        <strong>{published ? t("preview.headingPublished") : t("preview.headingHidden")}</strong>
        <span className="ml-2">
          {t("common.dateAndNumber", { date: paperDate(issue.date, locale), number: String(issue.number) })} · {state}
        </span>
        <Gloss text={t("preview.gloss")} className="ml-2 text-xs opacity-70" hidden />
      </p>
      <p className="flex flex-wrap gap-3">
        {links.map((link) => (
          <Link key={link.href} href={link.href} className="underline underline-offset-4 hover:text-brand">
            {link.label}
          </Link>
        ))}
        <Link href={`/admin/issues/${issue.id}`} className="font-medium underline underline-offset-4 hover:text-brand">
          {t("preview.back")}
        </Link>
      </p>
    </aside>
  );
}
