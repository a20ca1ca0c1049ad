import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { IssueOverview } from "@/components/reader/issue-overview";
import { Masthead } from "@/components/reader/masthead";
import { requireStaff } from "@/lib/access";
import { getPublication } from "@/lib/editions";
import type { Locale } from "@/lib/i18n/config";
import { anyIssueById, previewContents } from "@/lib/issue-preview";
import { parseIdParam } from "@/lib/params";
import { PreviewBanner } from "./preview-banner";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminIssues.preview" });
  return { title: t("metaIssue") };
}

/** The issue as /issues/<date> will show it, in any status, with links kept inside the preview. */
export default async function PreviewIssuePage({ params }: Props) {
  const { locale, id: rawId } = await params;
  setRequestLocale(locale as Locale);
  const id = parseIdParam(rawId);
  await requireStaff(`/admin/issues/${id ?? ""}/preview`);
  const issue = id ? await anyIssueById(id) : null;
  if (!issue) notFound();
  const [publication, pages] = await Promise.all([getPublication(), previewContents(issue.id)]);
  const base = `/admin/issues/${issue.id}/preview`;
  return (
    <div className="space-y-6">
      <PreviewBanner issue={issue} />
      <Masthead publication={publication} issue={issue} />
      <IssueOverview issue={issue} pages={pages} base={base} articleHrefBase={`${base}/articles/`} />
    </div>
  );
}
