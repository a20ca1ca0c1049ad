import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { MAX_BODY_LENGTH } from "@/lib/article-body";
import { articleForEditing, photoMaxBytes } from "@/lib/articles-admin";
import type { Locale } from "@/lib/i18n/config";
import { paperDate, paperDateTime } from "@/lib/i18n/format";
import { parseIdParam } from "@/lib/params";
import { Gloss } from "../../../gloss";
import { StatusBadge } from "../../../status";
import { ArticleForm } from "../article-form";
import { DeleteArticleButton, MoveArticleForm, PhotoEditor, PhotoUpload } from "../article-tools";

type Props = { params: Promise<{ locale: string; id: string; articleId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminIssues.editArticle" });
  return { title: t("metaTitle") };
}

export default async function EditArticlePage({ params, searchParams }: Props) {
  const raw = await params;
  const locale = raw.locale as Locale;
  setRequestLocale(locale);
  const issueId = parseIdParam(raw.id);
  const articleId = parseIdParam(raw.articleId);
  await requireStaff(`/admin/issues/${issueId ?? ""}/articles/${articleId ?? ""}`);
  const t = await getTranslations("adminIssues");
  const found = issueId && articleId ? await articleForEditing(issueId, articleId) : null;
  if (!found) notFound();
  const { article, issue, pages, photos } = found;
  const page = pages.find((p) => p.id === article.pageId);
  const created = (await searchParams).done === "created";
  const ids = { issueId: issue.id, articleId: article.id };

  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <p className="text-sm">
        <Link href={`/admin/issues/${issue.id}`} className="text-muted hover:text-brand">
          {t("common.backToIssue", { date: paperDate(issue.date, locale), number: String(issue.number) })}
        </Link>
      </p>
      <div>
        <h1 className="font-serif text-2xl font-bold">
          {t("editArticle.title")} <Gloss text={t("editArticle.titleGloss")} className="font-sans text-sm font-normal text-muted" />
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
          <span>{page ? t("common.pageLabel", { number: String(page.number), name: page.name }) : null}</span>
          <StatusBadge status={issue.status} />
          <span>{t("editArticle.updatedAt", { time: paperDateTime(article.updatedAt, locale) })}</span>
          {issue.status === "published" ? (
            <Link href={`/articles/${article.id}`} className="text-brand underline-offset-4 hover:underline">
              {t("common.viewReaderPage")}
            </Link>
          ) : null}
        </p>
      </div>
      {created ? (
        <p role="status" className="rounded-md border border-emerald-700/30 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("editArticle.created")}
        </p>
      ) : null}
      {article.isSample ? (
        <p role="note" className="rounded-md border border-stone-300 bg-stone-100 px-3 py-2 text-sm text-stone-700">
          {t("editArticle.sample")}
        </p>
      ) : null}

      <Panel labelledBy="article-form-heading">
        <h2 id="article-form-heading" className="mb-4 font-serif text-lg font-bold">
          {t("editArticle.content")} <Gloss text={t("editArticle.contentGloss")} className="font-sans text-xs font-normal text-muted" />
        </h2>
        <ArticleForm
          {...ids}
          maxBody={MAX_BODY_LENGTH}
          initial={{
            pageId: String(article.pageId),
            column: article.column ?? "",
            kicker: article.kicker ?? "",
            title: article.title,
            subtitle: article.subtitle ?? "",
            byline: article.byline ?? "",
            source: article.source ?? "",
            access: article.access,
            position: String(article.position),
            body: article.body,
          }}
        />
      </Panel>

      <Panel labelledBy="article-photos-heading">
        <h2 id="article-photos-heading" className="mb-4 font-serif text-lg font-bold">
          {t("editArticle.photos")} <Gloss text={t("editArticle.photosGloss")} className="font-sans text-xs font-normal text-muted" />
        </h2>
        {photos.length > 0 ? (
          <ol className="mb-4 space-y-3" aria-label={t("editArticle.photoList")}>
            {photos.map((photo, index) => (
              <PhotoEditor
                key={photo.id}
                {...ids}
                index={index}
                count={photos.length}
                photo={{ id: photo.id, caption: photo.caption, credit: photo.credit, width: photo.width, height: photo.height }}
              />
            ))}
          </ol>
        ) : (
          <p className="mb-4 text-sm text-muted">{t("editArticle.noPhotos")}</p>
        )}
        <PhotoUpload {...ids} maxBytes={photoMaxBytes()} />
      </Panel>

      <Panel labelledBy="article-move-heading">
        <h2 id="article-move-heading" className="mb-3 font-serif text-lg font-bold">
          {t("editArticle.move")} <Gloss text={t("editArticle.moveGloss")} className="font-sans text-xs font-normal text-muted" />
        </h2>
        <MoveArticleForm {...ids} currentPageId={article.pageId} pages={pages} zoneCount={article.hotZones.length} />
      </Panel>

      <Panel labelledBy="article-delete-heading">
        <h2 id="article-delete-heading" className="mb-3 font-serif text-lg font-bold">
          {t("editArticle.delete")} <Gloss text={t("editArticle.deleteGloss")} className="font-sans text-xs font-normal text-muted" />
        </h2>
        <DeleteArticleButton {...ids} title={article.title} photoCount={photos.length} />
      </Panel>
    </div>
  );
}
