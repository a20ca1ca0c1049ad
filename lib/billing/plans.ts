import { asc, eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { plans } from "@/db/schema";
import { defaultPlans } from "./plan-catalog";

export type Plan = typeof plans.$inferSelect;

/** Writes the default plans that are missing; never overwrites what staff have changed. */
export async function ensurePlans(db: Db): Promise<void> {
  await db.insert(plans).values(defaultPlans).onConflictDoNothing({ target: plans.key });
}

export async function listPlans(): Promise<Plan[]> {
  const db = await getDb();
  return db.select().from(plans).where(eq(plans.active, true)).orderBy(asc(plans.position));
}

export async function getPlan(key: string): Promise<Plan | null> {
  const db = await getDb();
  const [row] = await db.select().from(plans).where(eq(plans.key, key)).limit(1);
  return row ?? null;
}

/** ¥25 or ¥21.70: whole yuan without decimals. */
export const formatYuan = (fen: number): string => `¥${fen % 100 === 0 ? fen / 100 : (fen / 100).toFixed(2)}`;
