import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { MAX_BODY_LENGTH } from "@/lib/article-body";
import { issueArticleOverview } from "@/lib/articles-admin";
import type { Locale } from "@/lib/i18n/config";
import { paperDate } from "@/lib/i18n/format";
import { parseIdParam } from "@/lib/params";
import { Gloss } from "../../../gloss";
import { issueById } from "../../../queries";
import { ArticleForm } from "../article-form";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminIssues.newArticle" });
  return { title: t("metaTitle") };
}

export default async function NewArticlePage({ params, searchParams }: Props) {
  const { locale: raw, id: rawId } = await params;
  const locale = raw as Locale;
  setRequestLocale(locale);
  const id = parseIdParam(rawId);
  await requireStaff(`/admin/issues/${id ?? ""}/articles/new`);
  const t = await getTranslations("adminIssues");
  const issue = id ? await issueById(id) : null;
  if (!issue) notFound();
  const [pages, query] = await Promise.all([issueArticleOverview(issue.id), searchParams]);
  const wanted = typeof query.page === "string" ? parseIdParam(query.page) : null;
  const page = pages.find((p) => p.id === wanted) ?? pages[0];

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm">
        <Link href={`/admin/issues/${issue.id}`} className="text-muted hover:text-brand">
          {t("common.backToIssue", { date: paperDate(issue.date, locale), number: String(issue.number) })}
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">
        {t("newArticle.title")} <Gloss text={t("newArticle.titleGloss")} className="font-sans text-sm font-normal text-muted" />
      </h1>
      {page ? (
        <Panel>
          <ArticleForm
            issueId={issue.id}
            pages={pages.map(({ id, number, name }) => ({ id, number, name }))}
            maxBody={MAX_BODY_LENGTH}
            initial={{ pageId: String(page.id), column: "", kicker: "", title: "", subtitle: "", byline: "", source: "", access: "subscribers", position: "", body: "" }}
          />
        </Panel>
      ) : (
        <p className="text-sm text-muted">{t("articlesPanel.noPages")}</p>
      )}
    </div>
  );
}
