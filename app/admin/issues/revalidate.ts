import "server-only";
import { revalidatePath } from "next/cache";
import type { IsoDate } from "@/lib/dates";

/**
 * Reader pages are cached (ISR); after an issue is published or withdrawn,
 * the pages that show it are refreshed at once instead of after their
 * revalidate period: the issue and each of its pages, the by-number redirect,
 * every today page (`/` is rewritten to /today/<date>) and every archive
 * month. Route patterns name the route group, since revalidatePath matches
 * route files and these pages live under app/(reader).
 */
export function revalidateIssue(issue: { date: IsoDate; number: number; pageCount: number }): void {
  revalidatePath(`/issues/${issue.date}`);
  for (let n = 1; n <= issue.pageCount; n++) revalidatePath(`/issues/${issue.date}/pages/${n}`);
  revalidatePath(`/issues/no/${issue.number}`);
  revalidatePath("/(reader)/today/[date]", "page");
  revalidatePath("/(reader)/archive/[month]", "page");
  revalidatePath(`/archive/${issue.date.slice(0, 7)}`);
  // Articles of the issue appear, change or disappear with it: both cached variants of every article page.
  revalidatePath("/(reader)/articles/[id]", "page");
  revalidatePath("/(reader)/articles/[id]/signed-in", "page");
}

/** After an edit to one article of a published issue: its two cached variants (the issue pages list it too). */
export function revalidateArticle(articleId: number, issue: { date: IsoDate; number: number; pageCount: number } | null): void {
  revalidatePath(`/articles/${articleId}`);
  revalidatePath(`/articles/${articleId}/signed-in`);
  if (issue) revalidateIssue(issue);
}
