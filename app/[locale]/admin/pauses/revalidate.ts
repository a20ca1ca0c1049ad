import "server-only";
import { revalidatePage } from "@/lib/i18n/revalidate";
import { addDays, todayInPaperZone, type IsoDate } from "@/lib/dates";

/**
 * Reader pages are cached (ISR); after a pause changes, the ones that show it
 * are refreshed at once instead of after their revalidate period:
 * - every archive month, because each carries the next-issue notice, and by
 *   name the months the pause touches (the calendar's 休刊 cells);
 * - `/` (rewritten to /today/<date>): today's, yesterday's and tomorrow's;
 * - the issue pages of the paused days (a 404 that explains the pause).
 * Route patterns name the route group: revalidatePath matches route files,
 * and these pages live under app/(reader).
 */
type Range = { startsOn: IsoDate; endsOn: IsoDate };

export function revalidatePauseRanges(ranges: readonly (Range | null | undefined)[]): void {
  revalidatePage("/(reader)/archive/[month]", "page");
  revalidatePage("/(reader)/today/[date]", "page");
  const today = todayInPaperZone();
  for (const day of [addDays(today, -1), today, addDays(today, 1)]) revalidatePage(`/today/${day}`);

  const months = new Set<string>();
  for (const range of ranges) {
    if (!range) continue;
    // Ranges are at most 60 days (lib/pauses.ts), so this stays small.
    for (let d = range.startsOn; d <= range.endsOn; d = addDays(d, 1)) {
      months.add(d.slice(0, 7));
      revalidatePage(`/issues/${d}`);
    }
  }
  for (const month of months) revalidatePage(`/archive/${month}`);
}

/** The issue that prints (or printed) a 休刊公告 and the article itself. */
export function revalidateNotice(issueDate: IsoDate, articleId: number): void {
  revalidatePage(`/issues/${issueDate}`);
  revalidatePage(`/issues/${issueDate}/pages/1`);
  revalidatePage(`/articles/${articleId}`);
  revalidatePage(`/articles/${articleId}/signed-in`);
}
