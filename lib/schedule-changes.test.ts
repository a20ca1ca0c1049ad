import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { issues, publication, scheduleChanges, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { loadSchedule } from "./calendar";
import { nextPublicationDay } from "./schedule";
import { addScheduleChange, deleteScheduleChange } from "./schedule-changes";

let db: Db;
let drop: () => Promise<void>;
let editor: string;
let member: string;
const now = new Date("2026-05-01T02:00:00Z"); // 10:00 on 2026-05-01 in Shanghai

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  await db.insert(publication).values({ name: "财信报", slogan: "", cnNumber: "", sponsor: "", publisher: "", hotline: "", weekdays: [1, 4] });
  await db.insert(issues).values({ date: "2026-05-07", number: 1254, pageCount: 8, status: "published" });
  [{ id: editor }] = await db.insert(users).values({ email: "editor@schedule.test", role: "editor" }).returning({ id: users.id }) as [{ id: string }];
  [{ id: member }] = await db.insert(users).values({ email: "member@schedule.test" }).returning({ id: users.id }) as [{ id: string }];
});
afterAll(async () => drop());

describe("schedule changes", () => {
  it("refuses members, past dates, dates of published issues and empty weekdays, writing nothing", async () => {
    expect(await addScheduleChange(member, { effectiveFrom: "2026-06-01", weekdays: ["1"] }, now)).toMatchObject({ error: expect.stringContaining("只有编辑") });
    expect(await addScheduleChange(editor, { effectiveFrom: "2026-05-01", weekdays: ["1"] }, now)).toMatchObject({ fieldErrors: { effectiveFrom: ["新日程最早从明天起生效"] } });
    expect(await addScheduleChange(editor, { effectiveFrom: "2026-05-05", weekdays: ["1", "4"] }, now)).toMatchObject({ error: expect.stringContaining("总第1254期") });
    expect(await addScheduleChange(editor, { effectiveFrom: "2026-06-01", weekdays: [] }, now)).toMatchObject({ fieldErrors: { weekdays: ["至少选择一个出版日"] } });
    expect(await addScheduleChange(editor, { effectiveFrom: "2026-02-30", weekdays: ["1"] }, now)).toMatchObject({ fieldErrors: { effectiveFrom: expect.any(Array) } });
    expect(await db.$count(scheduleChanges)).toBe(0);
  });

  it("a change from a future date moves publication days from then on only", async () => {
    expect(await addScheduleChange(editor, { effectiveFrom: "2026-06-01", weekdays: ["1", "3", "5"] }, now)).toEqual({ ok: true, effectiveFrom: "2026-06-01" });
    const schedule = await loadSchedule();
    expect(nextPublicationDay("2026-05-25", schedule)).toBe("2026-05-28"); // still Mon/Thu in May
    expect(nextPublicationDay("2026-06-01", schedule)).toBe("2026-06-03"); // Wednesday under the new schedule
  });

  it("a change that has not taken effect can be withdrawn; one in effect cannot", async () => {
    const [change] = await db.select().from(scheduleChanges);
    expect(await deleteScheduleChange(editor, change!.id, new Date("2026-06-02T00:00:00Z"))).toMatchObject({ error: expect.any(String) });
    expect(await deleteScheduleChange(editor, change!.id, now)).toEqual({ ok: true, effectiveFrom: "2026-06-01" });
  });
});
