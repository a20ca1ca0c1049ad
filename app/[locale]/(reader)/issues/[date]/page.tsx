import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { IssueNav } from "@/components/reader/issue-nav";
import { IssueOverview } from "@/components/reader/issue-overview";
import { Masthead } from "@/components/reader/masthead";
import { getPublication, issueByDate, issueContents, issueNeighbours } from "@/lib/editions";
import type { Locale } from "@/lib/i18n/config";
import { parseDateParam } from "@/lib/params";
import { issuePageMetadata } from "@/lib/share-site";

export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ locale: string; date: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const raw = await params;
  const date = parseDateParam(raw.date);
  const issue = date ? await issueByDate(date) : null;
  return issuePageMetadata(issue, issue ? await issueContents(issue.id) : [], raw.locale as Locale);
}

export default async function IssuePage({ params }: Props) {
  const raw = await params;
  setRequestLocale(raw.locale as Locale);
  const date = parseDateParam(raw.date);
  const issue = date && (await issueByDate(date));
  if (!issue) notFound();
  const [publication, pages, neighbours] = await Promise.all([getPublication(), issueContents(issue.id), issueNeighbours(issue.date)]);
  return (
    <div className="space-y-6">
      <Masthead publication={publication} issue={issue} />
      <IssueOverview issue={issue} pages={pages} pdfHref={`/issues/${issue.date}/pdf`} />
      <IssueNav {...neighbours} />
    </div>
  );
}
