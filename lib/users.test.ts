import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { accountLocale, createMember, endAllSessions, setPasswordHash, setUserLocale, toSignedInUser } from "./users";

describe("session versions: what ends a reader's sessions", () => {
  let db: Db;
  let drop: () => Promise<void>;
  let id = "";
  const version = async (userId: string) => (await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId)))[0]!.v;

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    [{ id }] = (await db.insert(users).values({ email: "sessions@users.test" }).returning({ id: users.id })) as [{ id: string }];
  });
  afterAll(async () => drop());

  it("starts at 0 and is what a sign-in puts in the session", async () => {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    expect(toSignedInUser(row!).sessionVersion).toBe(0);
  });

  it("a new password and “sign out everywhere” each raise it, for that reader only", async () => {
    const [other] = await db.insert(users).values({ email: "other@users.test" }).returning({ id: users.id });
    await setPasswordHash(id, "$2b$10$abcdefghijklmnopqrstuv");
    expect(await version(id)).toBe(1);
    await endAllSessions(id);
    expect(await version(id)).toBe(2);
    expect(await version(other!.id)).toBe(0);
  });
});

describe("the language an account's mails go out in", () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
  });
  afterAll(async () => drop());

  it("is the one registered in, follows the reader's switches, and is found by address", async () => {
    const english = await createMember({ email: "Reads@English.test", name: null, passwordHash: "x", locale: "en" }, db);
    const chinese = await createMember({ email: "reads@chinese.test", name: null, passwordHash: "x" }, db);
    expect([english!.locale, chinese!.locale]).toEqual(["en", "zh-CN"]);
    expect(await accountLocale(" reads@english.TEST", db)).toBe("en");
    await setUserLocale(english!.id, "zh-CN", db);
    expect(await accountLocale("reads@english.test", db)).toBe("zh-CN");
    expect(await accountLocale("nobody@users.test", db)).toBeNull();
  });
});
