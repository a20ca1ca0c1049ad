import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/reader/article-body";
import { GatedBody } from "@/components/reader/gated-body";
import { InAppHint } from "@/components/reader/in-app-hint";
import { Paywall } from "@/components/reader/paywall";
import { ReadBeacon } from "@/components/reader/read-beacon";
import { meterSettings } from "@/lib/metering";
import { parseIdParam } from "@/lib/params";
import { getArticleForPublic } from "@/lib/reading";
import { articlePageMetadata } from "@/lib/share-site";

// The anonymous reader's article: free articles whole, others as a teaser. It
// holds nothing gated, so one cached copy serves everyone without a session;
// next.config.ts sends signed-in readers to ./signed-in instead. With metering on
// for anonymous readers (lib/metering.ts) the page cannot know the device's count,
// so after the teaser it asks the body API, as the signed-in variant does; saving
// the setting re-renders these pages (app/admin/settings/actions.ts).
export const revalidate = 300;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseIdParam((await params).id);
  return articlePageMetadata(id ? await getArticleForPublic(id) : null);
}

export default async function PublicArticlePage({ params }: Props) {
  const id = parseIdParam((await params).id);
  const [article, metering] = await Promise.all([id ? getArticleForPublic(id) : null, meterSettings()]);
  if (!article) notFound();
  const continuation =
    metering.anonymousPerMonth > 0 ? (
      <>
        <GatedBody articleId={article.id} title={article.title} />
        <noscript>
          <Paywall signedIn={false} articleId={article.id} accessNote={null} />
        </noscript>
      </>
    ) : undefined;
  return (
    <>
      <ArticleBody article={article} continuation={continuation} />
      <div className="mx-auto max-w-3xl">
        <InAppHint />
      </div>
      <ReadBeacon articleId={article.id} />
    </>
  );
}
