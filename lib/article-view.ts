import { renderedArticleBody } from "@/lib/article-body";
import type { ArticleRecord, ImageRow } from "@/lib/editions";

/**
 * What of an article a reader receives. Without access they get the headline
 * block and the first body block (the teaser) only: the rest is never copied
 * into the view, so no page, payload or API built from it can leak it.
 *
 * `blocks` are sanitised HTML (lib/article-body.ts), the only HTML a reader
 * component may put into a page.
 */
export type ArticleView = Omit<ArticleRecord, "body" | "images" | "createdAt" | "updatedAt"> & {
  blocks: string[];
  /** Plain text of the teaser, for descriptions and previews. */
  summary: string;
  images: ImageRow[];
  complete: boolean;
};

export function toArticleView(record: ArticleRecord, mayReadGated: boolean): ArticleView {
  const { body: _body, images, createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = record;
  const { blocks, summary } = renderedArticleBody(record);
  const complete = record.access === "free" || mayReadGated;
  return {
    ...rest,
    blocks: complete ? blocks : blocks.slice(0, 1),
    summary,
    images: complete ? images : [],
    complete,
  };
}
