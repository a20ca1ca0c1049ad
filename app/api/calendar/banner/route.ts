import { NextResponse } from "next/server";
import { loadSchedule, readerNextIssue } from "@/lib/calendar";
import { todayInPaperZone } from "@/lib/dates";
import { localeOr } from "@/lib/i18n/config";
import { bannerNextLabel, bannerPause, bannerSentence } from "@/lib/pause-notice";
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

export async function GET(request: Request) {
  const today = todayInPaperZone();
  // The language comes in the query (?lang=en), not from the cookie: the banner is fetched without credentials and cached per URL.
  const locale = localeOr(new URL(request.url).searchParams.get("lang"));
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
        message: bannerSentence({ ...pause, resumesOn, current }, today, locale),
      };
      if (info.nextDate) body.next = { date: info.nextDate, number: info.nextNumber, label: bannerNextLabel(info.nextDate, locale) };
    }
    return NextResponse.json(body, { headers: { "Cache-Control": "public, max-age=60" } });
  } catch (error) {
    log.error({ err: error }, "Could not read the calendar");
    return NextResponse.json({ pause: null, next: null } satisfies BannerData, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
