import "server-only";
import { asc, eq, like } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sentNotices, users, type pauses } from "@/db/schema";
import { appLink, sendOnce } from "@/lib/billing/webhook/notices";
import { loadSchedule } from "@/lib/calendar";
import { todayInPaperZone, type IsoDate } from "@/lib/dates";
import { pauseNoticeMail } from "@/lib/mail/pause-templates";
import { announcementDay } from "@/lib/next-issue";
import { nextPublicationDay } from "@/lib/schedule";

/**
 * Mails readers who opted in (users.pauseNoticeOptIn) about pauses: once a
 * pause's announcement day has come, each of them gets one mail per pause and
 * date range. When the dates change after a reader was told, they get one
 * correction ("更正:…") — even before the new announcement day, since they
 * were told the old dates. Runs after every save and from the daily job;
 * extra runs send nothing new.
 *
 * At-most-once comes from sentNotices: the key names the pause, the range and
 * the reader, `pause:<id>:<startsOn>:<endsOn>:<userId>`; a range that comes
 * back after a change (A → B → A) gets a numbered key (`…:<userId>:2`), so
 * the reader hears of it again. sendOnce claims the key before sending and
 * gives it back when the mail could not leave.
 */
type Range = { startsOn: IsoDate; endsOn: IsoDate };

export const pauseNoticeKey = (pauseId: number, range: Range, userId: string, repeat = 0): string =>
  `pause:${pauseId}:${range.startsOn}:${range.endsOn}:${userId}${repeat ? `:${repeat}` : ""}`;

function parseKey(key: string): (Range & { userId: string }) | null {
  const [, , startsOn, endsOn, userId] = key.split(":");
  return startsOn && endsOn && userId ? { startsOn, endsOn, userId } : null;
}

export type AnnounceResult = { sent: number; corrections: number };

export async function announcePauses(now = new Date()): Promise<AnnounceResult> {
  const db = await getDb();
  const today = todayInPaperZone(now);
  const schedule = await loadSchedule();
  const rows: (typeof pauses.$inferSelect)[] = schedule.pauses;
  const live = rows.filter((p) => p.endsOn >= today);
  const result: AnnounceResult = { sent: 0, corrections: 0 };
  if (live.length === 0) return result;
  const readers = await db.select({ id: users.id }).from(users).where(eq(users.pauseNoticeOptIn, true)).orderBy(asc(users.createdAt));
  if (readers.length === 0) return result;

  for (const pause of live) {
    const announced = announcementDay(pause) <= today;
    const history = await db
      .select({ key: sentNotices.key })
      .from(sentNotices)
      .where(like(sentNotices.key, `pause:${pause.id}:%`))
      .orderBy(asc(sentNotices.sentAt), asc(sentNotices.key));
    if (!announced && history.length === 0) continue;
    const used = new Set(history.map((h) => h.key));
    // What each reader was told, oldest first: the last entry is what they believe now.
    const told = new Map<string, Range[]>();
    for (const { key } of history) {
      const parsed = parseKey(key);
      if (parsed) told.set(parsed.userId, [...(told.get(parsed.userId) ?? []), parsed]);
    }
    const resumesOn = nextPublicationDay(pause.endsOn, schedule);

    for (const reader of readers) {
      const mine = told.get(reader.id) ?? [];
      const last = mine.at(-1);
      if (last ? last.startsOn === pause.startsOn && last.endsOn === pause.endsOn : !announced) continue;
      let repeat = 0;
      let key = pauseNoticeKey(pause.id, pause, reader.id);
      while (used.has(key)) key = pauseNoticeKey(pause.id, pause, reader.id, (repeat = repeat ? repeat + 1 : 2));
      const delivered = await sendOnce(db, {
        key,
        userId: reader.id,
        compose: async ({ locale }) =>
          pauseNoticeMail(locale, {
            startsOn: pause.startsOn,
            endsOn: pause.endsOn,
            reason: pause.reason,
            resumesOn,
            noticeText: pause.noticeText,
            correcting: last ?? null,
            archiveLink: appLink(`/archive/${pause.startsOn.slice(0, 7)}`),
            accountLink: appLink("/account"),
          }),
      });
      if (delivered) {
        result.sent++;
        if (last) result.corrections++;
      }
    }
  }
  return result;
}
