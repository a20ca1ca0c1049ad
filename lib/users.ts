import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Role } from "@/lib/roles";

export type UserRow = typeof users.$inferSelect;

/** What Auth.js keeps in the JWT after a sign-in (see the jwt callback in lib/auth.config.ts). */
export type SignedInUser = { id: string; email: string; name: string | null; role: Role };

/** Emails are stored and compared trimmed and lower-cased, so "A@x.cn " and "a@x.cn" are one account. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export const toSignedInUser = (user: UserRow): SignedInUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
});

export async function findUserByEmail(email: string, db?: Db): Promise<UserRow | null> {
  const database = db ?? (await getDb());
  const [user] = await database.select().from(users).where(eq(users.email, normalizeEmail(email))).limit(1);
  return user ?? null;
}

export async function findUserById(id: string, db?: Db): Promise<UserRow | null> {
  const database = db ?? (await getDb());
  const [user] = await database.select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

/** Creates a member, or returns null when the email is already registered (also under a race). */
export async function createMember(
  input: { email: string; name: string | null; passwordHash: string },
  db?: Db,
): Promise<UserRow | null> {
  const database = db ?? (await getDb());
  const [user] = await database
    .insert(users)
    .values({ email: normalizeEmail(input.email), name: input.name, passwordHash: input.passwordHash, role: "member" })
    .onConflictDoNothing({ target: users.email })
    .returning();
  return user ?? null;
}

/** Records that the reader proved they read this mailbox; the first proof's time is kept. */
export async function markEmailVerified(userId: string, at = new Date(), db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database
    .update(users)
    .set({ emailVerified: at })
    .where(and(eq(users.id, userId), isNull(users.emailVerified)));
}

export async function setPasswordHash(userId: string, passwordHash: string, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database.update(users).set({ passwordHash }).where(eq(users.id, userId));
}
