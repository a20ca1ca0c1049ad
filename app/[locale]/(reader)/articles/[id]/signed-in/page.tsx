import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { ArticleBody } from "@/components/reader/article-body";
import { InAppHint } from "@/components/reader/in-app-hint";
import { gatedBodyLabels } from "@/components/reader/labels";
import { ReadBeacon } from "@/components/reader/read-beacon";
import { GatedBody } from "@/components/reader/gated-body";
import type { Locale } from "@/lib/i18n/config";
import { asIslandsPage } from "@/lib/islands-page.mjs";
import { parseIdParam } from "@/lib/params";
import { getArticleForPublic } from "@/lib/reading";
import { articlePageMetadata } from "@/lib/share-site";

// The signed-in reader's article: the same cached teaser as everyone gets, with
// the rest fetched for this reader from /api/articles/ID/body, which checks access.
// Nothing gated is ever part of this page, so one cached copy serves all readers.
export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const raw = await params;
  const id = parseIdParam(raw.id);
  // The public teaser view, as on /articles/ID: the signed-in variant's metadata holds nothing gated either.
  const article = id ? await getArticleForPublic(id) : null;
  // Without Next's runtime in the browser (lib/islands-page.mjs); a missing article's not-found page hydrates.
  const metadata = await articlePageMetadata(article, raw.locale as Locale);
  return article ? asIslandsPage(metadata) : metadata;
}

export default async function SignedInArticlePage({ params }: Props) {
  const raw = await params;
  setRequestLocale(raw.locale as Locale);
  const id = parseIdParam(raw.id);
  const article = id ? await getArticleForPublic(id) : null;
  if (!article) notFound();
  return (
    <>
      <ArticleBody article={article} continuation={<GatedBody articleId={article.id} title={article.title} labels={await gatedBodyLabels()} />} />
      <div className="mx-auto max-w-3xl">
        <InAppHint />
      </div>
      <ReadBeacon articleId={article.id} />
    </>
  );
}
