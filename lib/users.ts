import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { users } from "@/db/schema";
import { defaultLocale, isLocale, localeOr, type Locale } from "@/lib/i18n/config";
import type { Role } from "@/lib/roles";

export type UserRow = typeof users.$inferSelect;

/** What Auth.js keeps in the JWT after a sign-in (see the jwt callback in lib/auth.config.ts). */
export type SignedInUser = { id: string; email: string; name: string | null; role: Role; sessionVersion: number };

/** Emails are stored and compared trimmed and lower-cased, so "A@x.cn " and "a@x.cn" are one account. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export const toSignedInUser = (user: UserRow): SignedInUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  sessionVersion: user.sessionVersion,
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
  input: { email: string; name: string | null; passwordHash: string; locale?: Locale },
  db?: Db,
): Promise<UserRow | null> {
  const database = db ?? (await getDb());
  const [user] = await database
    .insert(users)
    .values({ email: normalizeEmail(input.email), name: input.name, passwordHash: input.passwordHash, role: "member", locale: input.locale ?? defaultLocale })
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

/** A new password ends every session signed in with the old one (lib/session.ts compares the version). */
export async function setPasswordHash(userId: string, passwordHash: string, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

/** "Sign out everywhere": every session issued so far, on any device, ends at its next request. */
export async function endAllSessions(userId: string, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

/** The reader switched language while signed in: mails sent without a request (billing, 休刊) follow. */
export async function setUserLocale(userId: string, locale: Locale, db?: Db): Promise<void> {
  if (!isLocale(locale)) return;
  const database = db ?? (await getDb());
  await database.update(users).set({ locale }).where(eq(users.id, userId));
}

/**
 * The language of the account at `email`, or null when there is none: for mails
 * sent in one reader's request to another address (invitations, gifts).
 */
export async function accountLocale(email: string, db?: Db): Promise<Locale | null> {
  const database = db ?? (await getDb());
  const [row] = await database.select({ locale: users.locale }).from(users).where(eq(users.email, normalizeEmail(email))).limit(1);
  return row ? localeOr(row.locale) : null;
}
