import bcrypt from "bcryptjs";
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, staffInvitations, users } from "@/db/schema";
import { freshDatabase } from "@/db/testing/fresh-database";
import { currentRole } from "@/lib/access";
import {
  acceptInvitation,
  ALREADY_STAFF,
  createInvitation,
  hashInvitationToken,
  inspectInvitation,
  INVITATION_LIFETIME_MS,
  INVALID_INVITATION,
  listPendingInvitations,
  revokeInvitation,
  WRONG_ACCOUNT,
} from "./invitations";

let db: Db;
let drop: () => Promise<void>;
const ids: Record<string, string> = {};
const now = new Date("2026-05-01T02:00:00Z");

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  for (const [key, role] of [["admin", "admin"], ["editor", "editor"], ["reader", "member"], ["other", "member"]] as const) {
    const [row] = await db.insert(users).values({ email: `${key}@invite.test`, name: key === "admin" ? "王主编" : key, role }).returning({ id: users.id });
    ids[key] = row!.id;
  }
});
afterAll(async () => drop());

const audits = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(auditLog.id);

async function invite(email: string, role: "editor" | "admin" = "editor", at = now) {
  const result = await createInvitation(ids.admin!, { email, role }, at);
  if (!("ok" in result)) throw new Error(result.error);
  return result;
}

describe("creating invitations", () => {
  it("is admin-only and validates email and role", async () => {
    expect(await createInvitation(ids.editor!, { email: "x@invite.test", role: "editor" }, now)).toEqual({ error: "只有管理员可以邀请员工" });
    const bad = await createInvitation(ids.admin!, { email: "not-an-email", role: "owner" }, now);
    expect(bad).toMatchObject({ fieldErrors: { email: expect.any(Array), role: expect.any(Array) } });
    expect(await db.$count(staffInvitations)).toBe(0);
  });

  it("refuses an address that already belongs to staff", async () => {
    expect(await createInvitation(ids.admin!, { email: "Editor@Invite.test", role: "admin" }, now)).toMatchObject({ fieldErrors: { email: [ALREADY_STAFF] } });
  });

  it("stores only the token's hash, expires in 7 days, mails the link, and is audited", async () => {
    const { invitation, token, mail } = await invite(" New@Invite.test ");
    expect(invitation).toMatchObject({ email: "new@invite.test", role: "editor", invitedBy: ids.admin, acceptedAt: null, revokedAt: null });
    expect(invitation.expiresAt.getTime() - now.getTime()).toBe(INVITATION_LIFETIME_MS);
    expect(invitation.tokenHash).toBe(hashInvitationToken(token));
    expect(invitation.tokenHash).not.toContain(token);
    expect(mail.to).toBe("new@invite.test");
    expect(mail.subject).toContain("编辑");
    expect(mail.text).toContain(`/invite/${token}`);
    expect(mail.text).toContain("王主编 邀请您以「编辑」身份加入财信报数字报的编辑后台。");
    expect(mail.text).toContain("(2026年5月8日 10:00 前有效,只能使用一次)");
    const [entry] = await audits("staff.invite");
    expect(entry).toMatchObject({ actorId: ids.admin, entity: "staff_invitation", entityId: String(invitation.id), after: { email: "new@invite.test", role: "editor" } });
    expect(JSON.stringify(entry)).not.toContain(token);
  });

  it("writes the mail in the invitee's language when they already have an account, else in the inviting admin's", async () => {
    await db.insert(users).values({ email: "english@invite.test", locale: "en" });
    const english = await invite("english@invite.test", "admin");
    expect(english.mail.subject).toBe("Invitation to join the Caixin Bao Newsroom as an administrator");
    expect(english.mail.text).toContain("王主编 has invited you to join the Newsroom of the Caixin Bao e-edition as an administrator.");
    expect(english.mail.text).toContain("(valid until 8 May 2026, 10:00, and only once)");
    // Only the inviter's name, as they wrote it, is Chinese.
    expect(english.mail.text.replaceAll("王主编", "")).not.toMatch(/\p{Script=Han}/u);
    // No account yet, and no request here: the default language, as in an admin's Chinese session.
    expect((await invite("stranger@invite.test")).mail.subject).toBe("邀请您以编辑身份加入财信报编辑后台");
  });

  it("inviting the same address again revokes the earlier link", async () => {
    const first = await invite("twice@invite.test");
    const second = await invite("twice@invite.test", "admin");
    expect((await inspectInvitation(first.token, now))?.state).toBe("revoked");
    expect((await inspectInvitation(second.token, now))?.state).toBe("usable");
    expect(await acceptInvitation(first.token, { viewerId: null, name: "甲", password: "a long password" }, now)).toHaveProperty("error");
    const pending = (await listPendingInvitations(now)).filter((p) => p.email === "twice@invite.test");
    expect(pending.map((p) => p.role)).toEqual(["admin"]);
    const revokes = await audits("staff.invite.revoke");
    expect(revokes.at(-1)).toMatchObject({ entityId: String(first.invitation.id), after: { reason: "reinvited" } });
  });
});

describe("accepting invitations", () => {
  it("opening the link (inspecting) does not use it", async () => {
    const { token } = await invite("look@invite.test");
    await inspectInvitation(token, now);
    await inspectInvitation(token, now);
    expect((await inspectInvitation(token, now))?.state).toBe("usable");
    expect((await inspectInvitation("no-such-token", now))).toBeNull();
  });

  it("a new person sets name and password; the account is created with the role; the link works once", async () => {
    const { token, invitation } = await invite("fresh@invite.test", "admin");
    const missing = await acceptInvitation(token, { viewerId: null, name: "", password: "short" }, now);
    expect(missing).toMatchObject({ fieldErrors: { name: expect.any(Array), password: expect.any(Array) } });
    expect((await inspectInvitation(token, now))?.state).toBe("usable");

    const accepted = await acceptInvitation(token, { viewerId: null, name: "李新", password: "correct horse battery" }, now);
    expect(accepted).toMatchObject({ ok: true, email: "fresh@invite.test", role: "admin", newAccount: true });
    const [user] = await db.select().from(users).where(eq(users.email, "fresh@invite.test"));
    expect(user).toMatchObject({ name: "李新", role: "admin" });
    expect(user!.emailVerified).not.toBeNull();
    expect(await bcrypt.compare("correct horse battery", user!.passwordHash!)).toBe(true);

    const again = await acceptInvitation(token, { viewerId: null, name: "冒名", password: "another password" }, now);
    expect(again).toEqual({ error: "这份邀请已经被接受过了。请直接登录" });
    const [row] = await db.select().from(staffInvitations).where(eq(staffInvitations.id, invitation.id));
    expect(row!.acceptedAt).toEqual(now);
    const [entry] = (await audits("staff.invite.accept")).filter((a) => a.entityId === String(invitation.id));
    expect(entry).toMatchObject({ actorId: user!.id, after: { email: "fresh@invite.test", role: "admin", newAccount: true } });
  });

  it("an existing member gets the role, keeps their password, and a role audit is written", async () => {
    const [before] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, ids.reader!));
    const { token } = await invite("reader@invite.test");
    const accepted = await acceptInvitation(token, { viewerId: ids.reader!, name: "ignored", password: "ignored password" }, now);
    expect(accepted).toMatchObject({ ok: true, userId: ids.reader, newAccount: false, role: "editor" });
    expect(await currentRole(ids.reader!)).toBe("editor");
    const [after] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, ids.reader!));
    expect(after).toEqual(before);
    const roleAudit = (await audits("user.role")).find((a) => a.entityId === ids.reader);
    expect(roleAudit).toMatchObject({ before: { role: "member" }, after: { role: "editor" } });
  });

  it("a signed-in user with a different email is refused, and the link stays usable", async () => {
    const { token } = await invite("someone@invite.test");
    expect(await acceptInvitation(token, { viewerId: ids.other!, name: "x", password: "a long password" }, now)).toEqual({ error: WRONG_ACCOUNT });
    expect((await inspectInvitation(token, now))?.state).toBe("usable");
    expect(await currentRole(ids.other!)).toBe("member");
  });

  it("an expired invitation is refused", async () => {
    const { token } = await invite("late@invite.test");
    const later = new Date(now.getTime() + INVITATION_LIFETIME_MS + 1000);
    expect((await inspectInvitation(token, later))?.state).toBe("expired");
    expect(await acceptInvitation(token, { viewerId: null, name: "迟到", password: "a long password" }, later)).toEqual({ error: "这份邀请已过期,请联系管理员重新邀请" });
    expect(await db.select().from(users).where(eq(users.email, "late@invite.test"))).toHaveLength(0);
    expect(await listPendingInvitations(later)).toHaveLength(0);
  });

  it("a revoked invitation is refused; revoking is admin-only, audited and happens once", async () => {
    const { token, invitation } = await invite("revoked@invite.test");
    expect(await revokeInvitation(ids.editor!, invitation.id, now)).toEqual({ error: "只有管理员可以撤回邀请" });
    expect(await revokeInvitation(ids.admin!, invitation.id, now)).toEqual({ ok: true });
    expect(await revokeInvitation(ids.admin!, invitation.id, now)).toHaveProperty("error");
    expect(await acceptInvitation(token, { viewerId: null, name: "撤回", password: "a long password" }, now)).toEqual({ error: "这份邀请已被撤回,请联系管理员重新邀请" });
    const entries = (await audits("staff.invite.revoke")).filter((a) => a.entityId === String(invitation.id));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: ids.admin, before: { email: "revoked@invite.test" } });
  });

  it("two simultaneous accepts: one account, one success", async () => {
    const { token } = await invite("race@invite.test");
    const results = await Promise.all([
      acceptInvitation(token, { viewerId: null, name: "甲", password: "a long password" }, now),
      acceptInvitation(token, { viewerId: null, name: "乙", password: "a long password" }, now),
    ]);
    expect(results.filter((r) => "ok" in r)).toHaveLength(1);
    expect(await db.select().from(users).where(like(users.email, "race@%"))).toHaveLength(1);
  });

  it("an unknown token is refused", async () => {
    expect(await acceptInvitation("x".repeat(43), { viewerId: null }, now)).toEqual({ error: INVALID_INVITATION });
  });
});
