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
}
