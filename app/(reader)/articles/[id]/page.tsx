import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/reader/article-body";
import { InAppHint } from "@/components/reader/in-app-hint";
import { ReadBeacon } from "@/components/reader/read-beacon";
import { parseIdParam } from "@/lib/params";
import { getArticleForPublic } from "@/lib/reading";
import { articlePageMetadata } from "@/lib/share-site";

// The anonymous reader's article: free articles whole, others as a teaser. It
// holds nothing gated, so one cached copy serves everyone without a session;
// middleware sends signed-in readers to ./signed-in instead.
export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseIdParam((await params).id);
  return articlePageMetadata(id ? await getArticleForPublic(id) : null);
}

export default async function PublicArticlePage({ params }: Props) {
  const id = parseIdParam((await params).id);
  const article = id ? await getArticleForPublic(id) : null;
  if (!article) notFound();
  return (
    <>
      <ArticleBody article={article} />
      <div className="mx-auto max-w-3xl">
        <InAppHint />
      </div>
      <ReadBeacon articleId={article.id} />
    </>
  );
}
