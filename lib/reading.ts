import "server-only";
import { toArticleView, type ArticleView } from "@/lib/article-view";
import { articleRecord, type ArticleRecord } from "@/lib/editions";

// Published articles change rarely; a few seconds of memory spares the database
// on every signed-in page view, and edits still reach readers within seconds.
const MEMORY_MS = 5_000;
const memory = new Map<number, { at: number; record: ArticleRecord | null }>();

export async function cachedArticle(id: number): Promise<ArticleRecord | null> {
  const hit = memory.get(id);
  if (hit && Date.now() - hit.at < MEMORY_MS) return hit.record;
  const record = await articleRecord(id);
  if (memory.size > 5_000) memory.clear();
  memory.set(id, { at: Date.now(), record });
  return record;
}

/** The article as anyone may see it: free articles whole, others as a teaser. Safe to cache publicly. */
export async function getArticleForPublic(id: number): Promise<ArticleView | null> {
  const record = await articleRecord(id);
  return record && toArticleView(record, false);
}
