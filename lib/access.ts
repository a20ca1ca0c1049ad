import "server-only";
import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { accessWindows, users } from "@/db/schema";
import { announce } from "@/lib/cluster/announce";
import { hasAccessAt, summarizeAccess, type AccessSummary, type AccessWindowLike } from "@/lib/access-rule";
import { isStaff, type Role } from "@/lib/roles";
import { sessionUserId } from "@/lib/session";

/**
 * The one place that answers "who is asking, and may they". Pages, route
 * handlers and server actions all ask here; middleware only guesses.
 */
export type Viewer = { id: string; email: string; name: string | null; role: Role };

/** The signed-in user as the database knows them now (a deleted user or changed role wins over the JWT). */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const id = await sessionUserId();
  if (!id) return null;
  return loadUser(id);
});

// A short in-process memory keeps hot reader pages off the database; a change
// of role or access reaches every instance within this many milliseconds (at once when the
// instance that wrote it can tell the others: lib/cluster).
const MEMORY_MS = 5_000;
// On globalThis, not in module scope: each route's server bundle may hold its own copy of this module,
// and a grant made by an admin action must be forgotten by the body API's copy too.
type AccessMemory = {
  users: Map<string, { at: number; user: Viewer | null }>;
  windows: Map<string, { at: number; windows: AccessWindowLike[] }>;
};
const shared = globalThis as typeof globalThis & { __caixinAccessMemory?: AccessMemory };
shared.__caixinAccessMemory ??= { users: new Map(), windows: new Map() };
const userMemory = shared.__caixinAccessMemory.users;
const windowMemory = shared.__caixinAccessMemory.windows;

async function loadUser(id: string): Promise<Viewer | null> {
  const hit = userMemory.get(id);
  if (hit && Date.now() - hit.at < MEMORY_MS) return hit.user;
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  const user = row ?? null;
  remember(userMemory, id, { at: Date.now(), user });
  return user;
}

async function loadWindows(userId: string): Promise<AccessWindowLike[]> {
  const hit = windowMemory.get(userId);
  if (hit && Date.now() - hit.at < MEMORY_MS) return hit.windows;
  const db = await getDb();
  const windows = await db
    .select({ startsAt: accessWindows.startsAt, endsAt: accessWindows.endsAt, source: accessWindows.source })
    .from(accessWindows)
    .where(eq(accessWindows.userId, userId));
  remember(windowMemory, userId, { at: Date.now(), windows });
  return windows;
}

function remember<V>(memory: Map<string, V>, key: string, value: V) {
  if (memory.size > 10_000) memory.clear();
  memory.set(key, value);
}

/** Call after writing a user's windows or role, so the change shows at once here and on the other instances. */
export function forgetAccess(userId: string): void {
  forgetAccessHere(userId);
  announce({ users: [userId] });
}

/** forgetAccess in this instance only (the cluster's invalidation route). */
export function forgetAccessHere(userId: string): void {
  userMemory.delete(userId);
  windowMemory.delete(userId);
}

/** Is this user a subscriber right now? The single rule, applied to their access windows. */
export async function isSubscriberNow(userId: string, now = new Date()): Promise<boolean> {
  return hasAccessAt(await loadWindows(userId), now);
}

export async function getAccountAccess(userId: string, now = new Date()): Promise<AccessSummary> {
  const db = await getDb();
  const windows = await db
    .select({ startsAt: accessWindows.startsAt, endsAt: accessWindows.endsAt, source: accessWindows.source })
    .from(accessWindows)
    .where(eq(accessWindows.userId, userId));
  return summarizeAccess(windows, now);
}

/** May this viewer read subscriber-only text, page images and PDFs? Staff always may. */
export async function canReadGated(viewer: Viewer | null): Promise<boolean> {
  if (!viewer) return false;
  if (isStaff(viewer.role)) return true;
  return isSubscriberNow(viewer.id);
}

/** For pages that need a signed-in user: sends anonymous visitors to sign in and back. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return viewer;
}

export async function requireStaff(returnTo: string, allowed: readonly Role[] = ["editor", "admin"]): Promise<Viewer> {
  const viewer = await requireViewer(returnTo);
  // The session's role may be stale (a demoted editor keeps their JWT): staff pages ask the database.
  const role = allowed.includes(viewer.role) ? await currentRole(viewer.id) : null;
  if (!role || !allowed.includes(role)) redirect("/account?denied=1");
  return { ...viewer, role };
}

/** The role as the database has it now, for server-side rules that must not trust a session or a cache. */
export async function currentRole(userId: string): Promise<Role | null> {
  const db = await getDb();
  const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.role ?? null;
}
