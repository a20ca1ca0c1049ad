import { NextResponse } from "next/server";
import { loadSchedule, readerNextIssue } from "@/lib/calendar";
import { chineseMonthDay, chineseWeekday, todayInPaperZone } from "@/lib/dates";
import { bannerPause, bannerSentence } from "@/lib/pause-notice";
import { logger } from "@/lib/log";

const log = logger.child({ module: "banner" });

/**
 * The site-wide 休刊 banner's data: the pause readers should hear about today
 * (from its announcement day until the paper is back) and the next issue.
 * Read per request from the database; browsers and proxies may keep it a
 * minute, which is what lets every cached reader page carry the banner.
 */
export const dynamic = "force-dynamic";

export type BannerData = {
  pause: { id: number; startsOn: string; endsOn: string; reason: string; resumesOn: string | null; current: boolean; message: string } | null;
  next: { date: string; number: number | null; label: string } | null;
};

export async function GET() {
  const today = todayInPaperZone();
  try {
    const [schedule, info] = await Promise.all([loadSchedule(), readerNextIssue(today)]);
    const found = bannerPause(today, schedule);
    const body: BannerData = { pause: null, next: null };
    if (found) {
      const { pause, current, resumesOn } = found;
      body.pause = {
        id: pause.id,
        startsOn: pause.startsOn,
        endsOn: pause.endsOn,
        reason: pause.reason,
        resumesOn,
        current,
        message: bannerSentence({ ...pause, resumesOn, current }, today),
      };
      if (info.nextDate) body.next = { date: info.nextDate, number: info.nextNumber, label: `${chineseMonthDay(info.nextDate)} ${chineseWeekday(info.nextDate)}` };
    }
    return NextResponse.json(body, { headers: { "Cache-Control": "public, max-age=60" } });
  } catch (error) {
    log.error({ err: error }, "Could not read the calendar");
    return NextResponse.json({ pause: null, next: null } satisfies BannerData, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
