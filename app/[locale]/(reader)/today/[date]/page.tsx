import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { IssueOverview } from "@/components/reader/issue-overview";
import { Masthead } from "@/components/reader/masthead";
import { NextIssueNotice } from "@/components/reader/next-issue-notice";
import { addDays, todayInPaperZone } from "@/lib/dates";
import { loadSchedule } from "@/lib/calendar";
import { getPublication, issueContents, latestIssueOnOrBefore } from "@/lib/editions";
import type { Locale } from "@/lib/i18n/config";
import { asIslandsPage } from "@/lib/islands-page.mjs";
import { nextIssueInfo } from "@/lib/next-issue";
import { parseDateParam } from "@/lib/params";
import { homePageMetadata } from "@/lib/share-site";

// `/` is rewritten here by middleware with today's date in Asia/Shanghai: one
// cached page per calendar day, rendered on first request, never at build.
export const revalidate = 60;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ locale: string; date: string }> };

/** `/` is its own canonical URL; the share card and description are the current issue's. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const raw = await params;
  const date = parseDateParam(raw.date);
  const issue = date ? await latestIssueOnOrBefore(date) : null;
  const metadata = await homePageMetadata(issue, issue ? await issueContents(issue.id) : [], raw.locale as Locale);
  // Without Next's runtime in the browser (lib/islands-page.mjs); the not-found page (a date far from today) hydrates.
  return date && isNearToday(date) ? asIslandsPage(metadata) : metadata;
}

/** Only dates around today: anything else would let visitors fill the cache with pages nobody needs. */
function isNearToday(date: string): boolean {
  const today = todayInPaperZone();
  return date >= addDays(today, -1) && date <= addDays(today, 1);
}

export default async function TodayPage({ params }: Props) {
  const raw = await params;
  setRequestLocale(raw.locale as Locale);
  const t = await getTranslations("reader.today");
  const date = parseDateParam(raw.date);
  if (!date || !isNearToday(date)) notFound();

  const [publication, schedule, issue] = await Promise.all([getPublication(), loadSchedule(), latestIssueOnOrBefore(date)]);
  const info = nextIssueInfo(date, issue && { date: issue.date, number: issue.number }, schedule);
  if (!issue) {
    return (
      <div className="space-y-4 py-10 text-center">
        <p className="text-lg">{t("noIssue")}</p>
        <NextIssueNotice info={info} />
      </div>
    );
  }
  const pages = await issueContents(issue.id);
  return (
    <div className="space-y-6">
      <Masthead publication={publication} issue={issue} />
      <NextIssueNotice info={info} />
      {issue.date !== date && <p className="text-sm text-muted">{t("latestInstead")}</p>}
      <IssueOverview issue={issue} pages={pages} pdfHref={`/issues/${issue.date}/pdf`} />
    </div>
  );
}
