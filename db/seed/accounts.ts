import bcrypt from "bcryptjs";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accessWindows, users } from "@/db/schema";
import { withSeedLock } from "./lock";

/** Shared by every demo account; printed by the start script, never used in real production unless asked for. */
export const DEMO_PASSWORD = "caixin-demo-2026";

/** Same cost as lib/passwords.ts (which can't be imported here: it is "server-only"). */
const BCRYPT_COST = 12;
const DEMO_REFERENCE = "demo";

export type DemoAccount = {
  email: string;
  name: string;
  role: "admin" | "editor" | "member";
  /** What the account is for, in Chinese, for the start script's list. */
  description: string;
  window?: { startsAt: Date; endsAt: Date; source: "subscription" | "prepaid" };
};

export const demoAccounts: readonly DemoAccount[] = [
  { email: "admin@demo.test", name: "管理员", role: "admin", description: "管理员:可管理报社资料、出版日程、期次与用户" },
  { email: "editor@demo.test", name: "编辑部", role: "editor", description: "编辑:可编辑期次、版面与稿件" },
  {
    email: "subscriber@demo.test",
    name: "订阅读者",
    role: "member",
    description: "订阅读者:预付订阅有效至2027年12月31日,可阅读全部内容",
    window: { startsAt: new Date("2026-01-01T00:00:00+08:00"), endsAt: new Date("2028-01-01T00:00:00+08:00"), source: "prepaid" },
  },
  { email: "member@demo.test", name: "注册读者", role: "member", description: "注册读者:未订阅,只能阅读免费内容和订阅文章的导语" },
  {
    email: "lapsed@demo.test",
    name: "过期读者",
    role: "member",
    description: "过期读者:订阅已于2026年3月31日到期",
    window: { startsAt: new Date("2025-04-01T00:00:00+08:00"), endsAt: new Date("2026-04-01T00:00:00+08:00"), source: "subscription" },
  },
];

/** A fixed instant keeps re-seeded databases identical. */
const VERIFIED_AT = new Date("2026-01-01T00:00:00+08:00");

/** Inserts missing demo users (by email) and their access windows (by reference "demo"); never changes existing ones. */
export async function seedDemoAccounts(db: Db, log: (line: string) => void): Promise<void> {
  let hash: Promise<string> | undefined;
  // bcrypt at cost 12 takes a noticeable moment in pure JS: hash once, and only if a user is missing.
  const passwordHash = () => (hash ??= bcrypt.hash(DEMO_PASSWORD, BCRYPT_COST));

  for (const account of demoAccounts) {
    const [present] = await db.select({ id: users.id }).from(users).where(eq(users.email, account.email)).limit(1);
    let userId = present?.id;
    if (!userId) {
      const [created] = await db
        .insert(users)
        .values({ email: account.email, name: account.name, role: account.role, emailVerified: VERIFIED_AT, passwordHash: await passwordHash() })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      // Empty when a concurrent seeder inserted the same email a moment ago.
      userId = created?.id ?? (await db.select({ id: users.id }).from(users).where(eq(users.email, account.email)))[0]!.id;
      log(`user ${account.email}: ${created ? `created (${account.role})` : "already present"}`);
    } else {
      log(`user ${account.email}: already present`);
    }

    const window = account.window;
    if (!window) continue;
    const uid = userId;
    const added = await withSeedLock(db, async (tx) => {
      const [has] = await tx
        .select({ id: accessWindows.id })
        .from(accessWindows)
        .where(and(eq(accessWindows.userId, uid), eq(accessWindows.reference, DEMO_REFERENCE)))
        .limit(1);
      if (has) return false;
      await tx.insert(accessWindows).values({ userId: uid, ...window, reference: DEMO_REFERENCE });
      return true;
    });
    if (added) log(`access window for ${account.email}: created (${window.source})`);
  }
}
