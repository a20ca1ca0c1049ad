import type { ArticleRecord, ImageRow } from "@/lib/editions";

/**
 * What of an article a reader receives. Without access they get the headline
 * block and the first paragraph only: the rest is never copied into the view,
 * so no page, payload or API built from it can leak it.
 */
export type ArticleView = Omit<ArticleRecord, "body" | "images" | "createdAt"> & {
  paragraphs: string[];
  images: ImageRow[];
  complete: boolean;
};

export const splitParagraphs = (body: string): string[] =>
  body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, "").trim())
    .filter(Boolean);

export function toArticleView(record: ArticleRecord, mayReadGated: boolean): ArticleView {
  const { body, images, createdAt: _createdAt, ...rest } = record;
  const paragraphs = splitParagraphs(body);
  const complete = record.access === "free" || mayReadGated;
  return {
    ...rest,
    paragraphs: complete ? paragraphs : paragraphs.slice(0, 1),
    images: complete ? images : [],
    complete,
  };
}
