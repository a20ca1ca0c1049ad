import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { toArticlePhotos } from "@/lib/article-photos";
import type { ArticleView } from "@/lib/article-view";
import { paperDate } from "@/lib/i18n/format";
import { AccessBadge } from "./access-badge";
import { ArticlePhotos } from "./article-photos";
import { BodyBlocks } from "./body-blocks";
import { paywallLabels, readingToolsLabels } from "./labels";
import { Paywall } from "./paywall";
import { ReadingTools } from "./reading-tools";

/**
 * An article as the caller may see it: the view already holds only what they
 * may read. When it is a teaser, `continuation` (or else a paywall) follows it.
 */
export async function ArticleBody({ article, continuation }: { article: ArticleView; continuation?: ReactNode }) {
  const { issue, page } = article;
  const [t, locale, toolsLabels] = await Promise.all([getTranslations("reader.article"), getLocale(), readingToolsLabels()]);
  return (
    <article className="mx-auto max-w-3xl">
      <nav aria-label={t("breadcrumb")} className="mb-4 text-xs text-muted print:text-sm">
        <Link href={`/issues/${issue.date}`} className="hover:text-brand">
          {t("issueLink", { date: paperDate(issue.date, locale), number: issue.number })}
        </Link>
        {" › "}
        <Link href={`/issues/${issue.date}/pages/${page.number}`} className="hover:text-brand">
          {t("pageLink", { number: page.number, name: page.name })}
        </Link>
      </nav>
      <header className="mb-6 border-b border-rule pb-4">
        {article.column && <p className="text-sm font-bold tracking-widest text-brand">{article.column}</p>}
        {article.kicker && <p className="mt-1 text-muted">{article.kicker}</p>}
        <h1 className="mt-1 font-serif text-3xl font-black leading-snug sm:text-4xl">{article.title}</h1>
        {article.subtitle && <p className="mt-2 text-lg text-muted">——{article.subtitle}</p>}
        <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
          {article.source && <span>{article.source}</span>}
          {article.byline && <span>{article.byline}</span>}
          <AccessBadge access={article.access} />
        </p>
        {article.isSample && (
          <p className="mt-3 rounded bg-stone-200 px-3 py-1 text-xs text-stone-700">{t("sample")}</p>
        )}
      </header>
      <ReadingTools labels={toolsLabels} />
      <ArticlePhotos photos={toArticlePhotos(article.images)} alt={article.title} />
      <BodyBlocks blocks={article.blocks} />
      {!article.complete && (continuation ?? <Paywall signedIn={false} articleId={article.id} accessNote={null} labels={await paywallLabels()} />)}
    </article>
  );
}
