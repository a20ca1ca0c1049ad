import { connection } from "next/server";
import { loadSchedule } from "@/lib/calendar";
import { calendarFeed, FEED_DAYS_AHEAD, FEED_DAYS_BACK } from "@/lib/calendar-feed";
import { addDays, todayInPaperZone } from "@/lib/dates";
import { latestIssueOnOrBefore, publishedIssuesBetween } from "@/lib/editions";
import { env } from "@/lib/env";

/**
 * The public publication calendar (iCalendar) for calendar apps to subscribe
 * to. It only says what the paper already tells everyone, so it is cached by
 * browsers and shared caches for an hour.
 */
export async function GET(): Promise<Response> {
  await connection(); // "today" moves: never prerender this at build time
  const now = new Date();
  const today = todayInPaperZone(now);
  const [schedule, inWindow, latest] = await Promise.all([
    loadSchedule(),
    publishedIssuesBetween(addDays(today, -FEED_DAYS_BACK), addDays(today, FEED_DAYS_AHEAD)),
    // Numbers the days ahead when no issue came out within the window.
    latestIssueOnOrBefore(addDays(today, -FEED_DAYS_BACK - 1)),
  ]);
  const issues = [...(latest ? [latest] : []), ...inWindow].map((i) => ({ date: i.date, number: i.number }));
  const body = calendarFeed(now, { schedule, pauses: schedule.pauses, issues, appUrl: env().APP_URL });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
      "Content-Disposition": 'inline; filename="caixinbao.ics"',
      "X-Content-Type-Options": "nosniff",
    },
  });
}
