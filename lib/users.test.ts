import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { endAllSessions, setPasswordHash, toSignedInUser } from "./users";

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
