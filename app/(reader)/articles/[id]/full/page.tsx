import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/reader/article-body";
import { getAccountAccess } from "@/lib/access";
import { describeAccess } from "@/lib/account-access-view";
import { parseIdParam } from "@/lib/params";
import { getArticleForViewer } from "@/lib/reading";

// The signed-in reader's article, rendered per request: the body is included
// only when lib/access says this viewer may read it.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseIdParam((await params).id);
  const found = id ? await getArticleForViewer(id) : null;
  return {
    title: found ? found.article.title : "未找到",
    alternates: id ? { canonical: `/articles/${id}` } : undefined,
  };
}

export default async function ReaderArticlePage({ params }: Props) {
  const id = parseIdParam((await params).id);
  const found = id ? await getArticleForViewer(id) : null;
  if (!found) notFound();
  const { article, viewer } = found;
  const accessNote = !article.complete && viewer ? describeAccess(await getAccountAccess(viewer.id)).headline : null;
  return <ArticleBody article={article} signedIn={viewer !== null} accessNote={accessNote} />;
}
