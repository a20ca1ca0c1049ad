import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ArticleBody } from "@/components/reader/article-body";
import { requireStaff } from "@/lib/access";
import type { Locale } from "@/lib/i18n/config";
import { previewArticle } from "@/lib/issue-preview";
import { parseIdParam } from "@/lib/params";
import { PreviewBanner } from "../../preview-banner";

type Props = { params: Promise<{ locale: string; id: string; articleId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminIssues.preview" });
  return { title: t("metaArticle") };
}

/**
 * The article as a subscriber will read it: whole, with the reader's own
 * article component. Its breadcrumb and photos point at reader URLs, which
 * serve published issues only; until the issue is out, the banner links stay
 * inside the preview and the photos come through the preview's image route.
 */
export default async function PreviewArticlePage({ params }: Props) {
  const raw = await params;
  setRequestLocale(raw.locale as Locale);
  const issueId = parseIdParam(raw.id);
  const articleId = parseIdParam(raw.articleId);
  await requireStaff(`/admin/issues/${issueId ?? ""}/preview/articles/${articleId ?? ""}`);
  const article = issueId && articleId ? await previewArticle(issueId, articleId) : null;
  if (!article) notFound();
  const t = await getTranslations("adminIssues");
  const { issue, page } = article;
  const base = `/admin/issues/${issue.id}/preview`;
  const published = issue.status === "published";
  const photos = published ? [] : article.images;
  return (
    <div className="space-y-6">
      <PreviewBanner
        issue={issue}
        links={[
          { href: base, label: t("preview.overview") },
          { href: `${base}/pages/${page.number}`, label: t("common.pageLabel", { number: String(page.number), name: page.name }) },
        ]}
      />
      <ArticleBody article={published ? article : { ...article, images: [] }} />
      {photos.length > 0 ? (
        <section aria-labelledby="preview-photos" className="mx-auto max-w-3xl border-t border-rule pt-4">
          <h2 id="preview-photos" className="mb-3 text-sm font-bold text-muted">
            {t("preview.photos")}
          </h2>
          {photos.map((photo) => (
            <figure key={photo.id} className="mb-6">
              {/* eslint-disable-next-line @next/next/no-img-element -- served by the staff-only preview route */}
              <img src={`${base}/images/${photo.id}`} alt={photo.caption ?? article.title} className="w-full rounded" width={photo.width ?? undefined} height={photo.height ?? undefined} />
              <figcaption className="mt-2 text-sm leading-relaxed text-muted">
                {photo.caption}
                {photo.credit && <span className="ml-1 whitespace-nowrap">({photo.credit})</span>}
              </figcaption>
            </figure>
          ))}
        </section>
      ) : null}
    </div>
  );
}
