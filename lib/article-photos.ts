import type { ImageRow } from "@/lib/editions";

/** What a reader's browser needs of a photo; the storage key stays on the server. */
export type ArticlePhoto = { id: number; caption: string | null; credit: string | null; width: number | null; height: number | null };

export const toArticlePhotos = (images: ImageRow[]): ArticlePhoto[] =>
  images.map(({ id, caption, credit, width, height }) => ({ id, caption, credit, width, height }));
