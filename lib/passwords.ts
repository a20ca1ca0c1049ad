import "server-only";
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";

export const BCRYPT_COST = 12;

export const hashPassword = (password: string) => bcrypt.hash(password, BCRYPT_COST);

// Compared against when no such user exists, so the answer takes as long either way
// and its timing does not reveal which emails are registered.
const timingDecoy = bcrypt.hash("timing-decoy", BCRYPT_COST);

const credentialsSchema = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });

/** Auth.js `authorize` for email + password. Returns null for any failure. */
export async function verifyPasswordSignIn(credentials: unknown, _request: Request) {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const db = await getDb();
  const email = parsed.data.email.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const matches = await bcrypt.compare(parsed.data.password, user?.passwordHash ?? (await timingDecoy));
  if (!user?.passwordHash || !matches) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
