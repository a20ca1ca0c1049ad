import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { ArticleBody } from "@/components/reader/article-body";
import { GatedBody } from "@/components/reader/gated-body";
import { InAppHint } from "@/components/reader/in-app-hint";
import { gatedBodyLabels } from "@/components/reader/labels";
import { Paywall } from "@/components/reader/paywall";
import { ReadBeacon } from "@/components/reader/read-beacon";
import type { Locale } from "@/lib/i18n/config";
import { meterSettings } from "@/lib/metering";
import { asIslandsPage } from "@/lib/islands-page.mjs";
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

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const raw = await params;
  const id = parseIdParam(raw.id);
  const article = id ? await getArticleForPublic(id) : null;
  // Without Next's runtime in the browser (lib/islands-page.mjs); a missing article's not-found page hydrates.
  const metadata = await articlePageMetadata(article, raw.locale as Locale);
  return article ? asIslandsPage(metadata) : metadata;
}

export default async function PublicArticlePage({ params }: Props) {
  const raw = await params;
  setRequestLocale(raw.locale as Locale);
  const id = parseIdParam(raw.id);
  const [article, metering] = await Promise.all([id ? getArticleForPublic(id) : null, meterSettings()]);
  if (!article) notFound();
  const labels = metering.anonymousPerMonth > 0 ? await gatedBodyLabels() : null;
  const continuation = labels ? (
    <>
      <GatedBody articleId={article.id} title={article.title} labels={labels} />
      <noscript>
        <Paywall signedIn={false} articleId={article.id} accessNote={null} labels={labels.paywall} />
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
