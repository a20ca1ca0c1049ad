import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IssueOverview } from "@/components/reader/issue-overview";
import { Masthead } from "@/components/reader/masthead";
import { NextIssueNotice } from "@/components/reader/next-issue-notice";
import { addDays, todayInPaperZone } from "@/lib/dates";
import { loadSchedule } from "@/lib/calendar";
import { getPublication, issueContents, latestIssueOnOrBefore } from "@/lib/editions";
import { nextIssueInfo } from "@/lib/next-issue";
import { parseDateParam } from "@/lib/params";
import { homePageMetadata } from "@/lib/share-site";

// `/` is rewritten here by middleware with today's date in Asia/Shanghai: one
// cached page per calendar day, rendered on first request, never at build.
export const revalidate = 60;
export const generateStaticParams = async () => [];

/** `/` is its own canonical URL; the share card and description are the current issue's. */
export async function generateMetadata({ params }: { params: Promise<{ date: string }> }): Promise<Metadata> {
  const date = parseDateParam((await params).date);
  const issue = date ? await latestIssueOnOrBefore(date) : null;
  return homePageMetadata(issue, issue ? await issueContents(issue.id) : []);
}

export default async function TodayPage({ params }: { params: Promise<{ date: string }> }) {
  const date = parseDateParam((await params).date);
  const today = todayInPaperZone();
  // Only dates around today: anything else would let visitors fill the cache with pages nobody needs.
  if (!date || date < addDays(today, -1) || date > addDays(today, 1)) notFound();

  const [publication, schedule, issue] = await Promise.all([getPublication(), loadSchedule(), latestIssueOnOrBefore(date)]);
  const info = nextIssueInfo(date, issue && { date: issue.date, number: issue.number }, schedule);
  if (!issue) {
    return (
      <div className="space-y-4 py-10 text-center">
        <p className="text-lg">暂无已出版的报纸。</p>
        <NextIssueNotice info={info} />
      </div>
    );
  }
  const pages = await issueContents(issue.id);
  return (
    <div className="space-y-6">
      <Masthead publication={publication} issue={issue} />
      <NextIssueNotice info={info} />
      {issue.date !== date && <p className="text-sm text-muted">今日无新一期出版,以下为最近一期。</p>}
      <IssueOverview issue={issue} pages={pages} pdfHref={`/issues/${issue.date}/pdf`} />
    </div>
  );
}
