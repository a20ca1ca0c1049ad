import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IssueNav } from "@/components/reader/issue-nav";
import { IssueOverview } from "@/components/reader/issue-overview";
import { Masthead } from "@/components/reader/masthead";
import { chineseDate } from "@/lib/dates";
import { getPublication, issueByDate, issueContents, issueNeighbours } from "@/lib/editions";
import { parseDateParam } from "@/lib/params";

export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ date: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const date = parseDateParam((await params).date);
  return { title: date ? `${chineseDate(date)}` : "未找到" };
}

export default async function IssuePage({ params }: Props) {
  const date = parseDateParam((await params).date);
  const issue = date && (await issueByDate(date));
  if (!issue) notFound();
  const [publication, pages, neighbours] = await Promise.all([getPublication(), issueContents(issue.id), issueNeighbours(issue.date)]);
  return (
    <div className="space-y-6">
      <Masthead publication={publication} issue={issue} />
      <IssueOverview issue={issue} pages={pages} />
      <IssueNav {...neighbours} />
    </div>
  );
}
