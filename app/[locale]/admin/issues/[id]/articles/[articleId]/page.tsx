import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { MAX_BODY_LENGTH } from "@/lib/article-body";
import { articleForEditing, photoMaxBytes } from "@/lib/articles-admin";
import { chineseDate } from "@/lib/dates";
import { formatPaperTime } from "@/lib/issues-admin";
import { parseIdParam } from "@/lib/params";
import { StatusBadge } from "../../../status";
import { ArticleForm } from "../article-form";
import { DeleteArticleButton, MoveArticleForm, PhotoEditor, PhotoUpload } from "../article-tools";

export const metadata: Metadata = { title: "编辑稿件" };

type Props = { params: Promise<{ id: string; articleId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditArticlePage({ params, searchParams }: Props) {
  const raw = await params;
  const issueId = parseIdParam(raw.id);
  const articleId = parseIdParam(raw.articleId);
  await requireStaff(`/admin/issues/${issueId ?? ""}/articles/${articleId ?? ""}`);
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
          ← {chineseDate(issue.date)} 总第{issue.number}期
        </Link>
      </p>
      <div>
        <h1 className="font-serif text-2xl font-bold">
          编辑稿件 <span className="font-sans text-sm font-normal text-muted">Edit article</span>
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
          <span>
            第{page?.number}版 {page?.name}
          </span>
          <StatusBadge status={issue.status} />
          <span>最后修改 {formatPaperTime(article.updatedAt)}</span>
          {issue.status === "published" ? (
            <Link href={`/articles/${article.id}`} className="text-brand underline-offset-4 hover:underline">
              查看读者页面
            </Link>
          ) : null}
        </p>
      </div>
      {created ? (
        <p role="status" className="rounded-md border border-emerald-700/30 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          稿件已创建。可以继续编辑或上传图片。
        </p>
      ) : null}
      {article.isSample ? (
        <p role="note" className="rounded-md border border-stone-300 bg-stone-100 px-3 py-2 text-sm text-stone-700">
          这是示例稿件(读者页面标注为示例内容)。
        </p>
      ) : null}

      <Panel labelledBy="article-form-heading">
        <h2 id="article-form-heading" className="mb-4 font-serif text-lg font-bold">
          稿件内容 <span className="font-sans text-xs font-normal text-muted">Article</span>
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
          图片 <span className="font-sans text-xs font-normal text-muted">Photos</span>
        </h2>
        {photos.length > 0 ? (
          <ol className="mb-4 space-y-3" aria-label="本稿图片 Photos of this article">
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
          <p className="mb-4 text-sm text-muted">还没有图片。</p>
        )}
        <PhotoUpload {...ids} maxBytes={photoMaxBytes()} />
      </Panel>

      <Panel labelledBy="article-move-heading">
        <h2 id="article-move-heading" className="mb-3 font-serif text-lg font-bold">
          移至其他版面 <span className="font-sans text-xs font-normal text-muted">Move</span>
        </h2>
        <MoveArticleForm {...ids} currentPageId={article.pageId} pages={pages} zoneCount={article.hotZones.length} />
      </Panel>

      <Panel labelledBy="article-delete-heading">
        <h2 id="article-delete-heading" className="mb-3 font-serif text-lg font-bold">
          删除稿件 <span className="font-sans text-xs font-normal text-muted">Delete</span>
        </h2>
        <DeleteArticleButton {...ids} title={article.title} photoCount={photos.length} />
      </Panel>
    </div>
  );
}
