import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { outbox, pauses, publication, users } from "@/db/schema";
import { demoPublication } from "@/db/seed/content";
import { freshDatabase } from "@/db/testing/fresh-database";
import { announcePauses } from "./pause-mail";

/** Noon in Shanghai on a calendar day. */
const on = (date: string) => new Date(`${date}T04:00:00Z`);

describe("announcePauses", () => {
  let db: Db;
  let drop: () => Promise<void>;
  let pauseId: number;

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    vi.spyOn(console, "info").mockImplementation(() => {});
    await db.insert(publication).values(demoPublication);
    await db.insert(users).values([
      { email: "wants@pauses.test", pauseNoticeOptIn: true },
      { email: "also@pauses.test", pauseNoticeOptIn: true, locale: "en" },
      { email: "quiet@pauses.test", pauseNoticeOptIn: false },
    ]);
    const [pause] = await db
      .insert(pauses)
      .values({ startsOn: "2026-05-04", endsOn: "2026-05-04", reason: "劳动节", noticeText: "本报决定2026年5月4日休刊,5月7日恢复出报工作。" })
      .returning();
    pauseId = pause!.id;
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await drop();
  });

  const mailsTo = (email: string) => db.select().from(outbox).where(eq(outbox.to, email)).orderBy(asc(outbox.id));
  const move = (startsOn: string, endsOn: string) => db.update(pauses).set({ startsOn, endsOn }).where(eq(pauses.id, pauseId));

  it("waits for the announcement day (7 days before by default)", async () => {
    expect(await announcePauses(on("2026-04-26"))).toEqual({ sent: 0, corrections: 0 });
  });

  it("mails each opted-in reader once, and nobody else", async () => {
    expect(await announcePauses(on("2026-04-27"))).toEqual({ sent: 2, corrections: 0 });
    expect(await announcePauses(on("2026-04-27"))).toEqual({ sent: 0, corrections: 0 });
    expect(await announcePauses(on("2026-04-30"))).toEqual({ sent: 0, corrections: 0 });
    const [mail, ...more] = await mailsTo("wants@pauses.test");
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe("财信报休刊通知:2026年5月4日休刊(劳动节)");
    expect(mail!.text).toContain("本报2026年5月4日休刊(劳动节),2026年5月7日(星期四)恢复出报。");
    expect(mail!.text).toContain("本报决定2026年5月4日休刊,5月7日恢复出报工作。");
    expect(mail!.text).toContain("/account");
    // A reader who reads in English gets it in English; the reason and the 休刊公告 stay as staff wrote them.
    const [english, ...moreEnglish] = await mailsTo("also@pauses.test");
    expect(moreEnglish).toHaveLength(0);
    expect(english!.subject).toBe("Caixin Bao: no issue on 4 May 2026 (劳动节)");
    expect(english!.text).toContain("No issue of Caixin Bao on 4 May 2026 (劳动节); the paper is back on Thursday 7 May 2026.");
    expect(english!.text).toContain("The notice as published:\n本报决定2026年5月4日休刊,5月7日恢复出报工作。");
    expect(await mailsTo("quiet@pauses.test")).toHaveLength(0);
  });

  it("sends one correction when the dates change, and nothing on a rerun", async () => {
    await move("2026-05-04", "2026-05-05");
    expect(await announcePauses(on("2026-04-30"))).toEqual({ sent: 2, corrections: 2 });
    expect(await announcePauses(on("2026-05-01"))).toEqual({ sent: 0, corrections: 0 });
    const mails = await mailsTo("wants@pauses.test");
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toBe("更正:财信报休刊日期调整为2026年5月4日至5月5日");
    expect(mails[1]!.text).toContain("此前通知的休刊日期(2026年5月4日)已调整,请以本邮件为准。");
    const english = await mailsTo("also@pauses.test");
    expect(english[1]!.subject).toBe("Correction: Caixin Bao's pause is now from 4 May to 5 May 2026");
    expect(english[1]!.text).toContain("The dates we told you before (on 4 May 2026) have changed: please go by this mail.");
    expect(await mailsTo("quiet@pauses.test")).toHaveLength(0);
  });

  it("corrects again when the dates go back, and tells readers who opted in later the plain news", async () => {
    await db.update(users).set({ pauseNoticeOptIn: true }).where(eq(users.email, "quiet@pauses.test"));
    await move("2026-05-04", "2026-05-04");
    expect(await announcePauses(on("2026-05-01"))).toEqual({ sent: 3, corrections: 2 });
    expect(await announcePauses(on("2026-05-02"))).toEqual({ sent: 0, corrections: 0 });
    expect((await mailsTo("wants@pauses.test")).at(-1)!.subject).toBe("更正:财信报休刊日期调整为2026年5月4日");
    expect((await mailsTo("quiet@pauses.test")).map((m) => m.subject)).toEqual(["财信报休刊通知:2026年5月4日休刊(劳动节)"]);
  });

  it("corrects readers who were told even before the new dates' announcement day, and stays quiet once the pause is over", async () => {
    await move("2026-06-01", "2026-06-01");
    expect(await announcePauses(on("2026-05-03"))).toEqual({ sent: 3, corrections: 3 });
    await move("2026-05-04", "2026-05-04");
    expect(await announcePauses(on("2026-05-05"))).toEqual({ sent: 0, corrections: 0 });
  });
});
