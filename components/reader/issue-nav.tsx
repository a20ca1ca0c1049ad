import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { paperDate } from "@/lib/i18n/format";

type IssueRef = { date: string; number: number } | null;

/** Previous/next issue links; `suffix` keeps the reader on the same kind of page (e.g. "/pages/1"). */
export async function IssueNav({ previous, next, suffix = "" }: { previous: IssueRef; next: IssueRef; suffix?: string }) {
  const [t, locale] = await Promise.all([getTranslations("reader.issueNav"), getLocale()]);
  return (
    <nav aria-label={t("label")} className="flex justify-between border-t border-rule pt-4 text-sm">
      {previous ? (
        <Link href={`/issues/${previous.date}${suffix}`} className="hover:text-brand">
          {t("previous", { date: paperDate(previous.date, locale), number: previous.number })}
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link href={`/issues/${next.date}${suffix}`} className="hover:text-brand">
          {t("next", { date: paperDate(next.date, locale), number: next.number })}
        </Link>
      )}
    </nav>
  );
}
