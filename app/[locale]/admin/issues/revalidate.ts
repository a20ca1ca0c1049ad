import "server-only";
import { revalidatePage } from "@/lib/i18n/revalidate";
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
  revalidatePage(`/issues/${issue.date}`);
  for (let n = 1; n <= issue.pageCount; n++) revalidatePage(`/issues/${issue.date}/pages/${n}`);
  revalidatePage(`/issues/no/${issue.number}`);
  revalidatePage("/(reader)/today/[date]", "page");
  revalidatePage("/(reader)/archive/[month]", "page");
  revalidatePage(`/archive/${issue.date.slice(0, 7)}`);
  // Articles of the issue appear, change or disappear with it: both cached variants of every article page.
  revalidatePage("/(reader)/articles/[id]", "page");
  revalidatePage("/(reader)/articles/[id]/signed-in", "page");
}

/** After an edit to one article of a published issue: its two cached variants (the issue pages list it too). */
export function revalidateArticle(articleId: number, issue: { date: IsoDate; number: number; pageCount: number } | null): void {
  revalidatePage(`/articles/${articleId}`);
  revalidatePage(`/articles/${articleId}/signed-in`);
  if (issue) revalidateIssue(issue);
}
