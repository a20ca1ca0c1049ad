import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { staffInvitations, users } from "@/db/schema";
import { currentRole, forgetAccess } from "@/lib/access";
import { emailField, localizeFieldErrors, localizeMessage, newPasswordField, validationMessage } from "@/lib/account-schemas";
import { recordAudit } from "@/lib/audit";
import { env } from "@/lib/env";
import { defaultLocale } from "@/lib/i18n/config";
import { requestLocale, translatorFor } from "@/lib/i18n/translate";
import type { Mail } from "@/lib/mail";
import { staffInvitationMail } from "@/lib/mail/staff-templates";
import { portalLink } from "@/lib/mail/templates";
import { hashPassword } from "@/lib/passwords";
import { setRoleInTx } from "@/lib/staff";
import { accountLocale, normalizeEmail } from "@/lib/users";

/**
 * Staff invitations (邀请编辑/管理员). The mailed link carries 256 random
 * bits; only their SHA-256 is stored. Opening the link changes nothing (mail
 * scanners prefetch links): the invitation is used up by the form's POST, in
 * the same transaction that gives the account its role.
 */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60_000;
export type StaffRole = "editor" | "admin";
export type InvitationRow = typeof staffInvitations.$inferSelect;
type Failure = { error: string; fieldErrors?: Record<string, string[]> };

/** Messages go out in the reader's language (the default outside a request, e.g. in tests). */
const messages = async () => translatorFor(await requestLocale(), "account.invitations");
const defaultText = translatorFor(defaultLocale, "account.invitations");
export const ALREADY_STAFF = defaultText("alreadyStaff");
export const INVALID_INVITATION = defaultText("invalid");
export const WRONG_ACCOUNT = defaultText("wrongAccount");

export const hashInvitationToken = (token: string): string => createHash("sha256").update(token).digest("hex");

export const invitationSchema = z.object({
  email: emailField,
  role: z.enum(["editor", "admin"], { error: validationMessage("roleRequired") }),
});

const summary = (row: Pick<InvitationRow, "email" | "role" | "expiresAt">) => ({ email: row.email, role: row.role, expiresAt: row.expiresAt.toISOString() });

export type CreatedInvitation = { ok: true; invitation: InvitationRow; token: string; mail: Mail };

/**
 * Creates an invitation and writes its mail (the caller sends it, e.g. with
 * after()). Inviting an address again revokes its earlier open invitation, so
 * only the newest link works.
 */
export async function createInvitation(actorId: string, input: unknown, now = new Date()): Promise<CreatedInvitation | Failure> {
  const locale = await requestLocale();
  const t = translatorFor(locale, "account.invitations");
  const checkForm = translatorFor(locale, "account.actions")("checkForm");
  if ((await currentRole(actorId)) !== "admin") return { error: t("onlyAdmins") };
  const parsed = invitationSchema.safeParse(input);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    const formError = flat.formErrors[0];
    return { error: formError ? localizeMessage(formError, locale) : checkForm, fieldErrors: localizeFieldErrors(flat.fieldErrors, locale) };
  }
  const { email, role } = parsed.data;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<{ invitation: InvitationRow } | Failure> => {
    const [existing] = await tx.select({ role: users.role }).from(users).where(eq(users.email, email)).limit(1);
    if (existing && existing.role !== "member") return { error: checkForm, fieldErrors: { email: [t("alreadyStaff")] } };
    const replaced = await tx
      .update(staffInvitations)
      .set({ revokedAt: now })
      .where(and(eq(staffInvitations.email, email), isNull(staffInvitations.acceptedAt), isNull(staffInvitations.revokedAt)))
      .returning();
    for (const old of replaced) {
      await recordAudit(tx, {
        actorId,
        action: "staff.invite.revoke",
        entity: "staff_invitation",
        entityId: old.id,
        before: summary(old),
        after: { ...summary(old), revokedAt: now.toISOString(), reason: "reinvited" },
      });
    }
    const [invitation] = await tx
      .insert(staffInvitations)
      .values({ email, role, tokenHash: hashInvitationToken(token), invitedBy: actorId, expiresAt, createdAt: now })
      .returning();
    await recordAudit(tx, { actorId, action: "staff.invite", entity: "staff_invitation", entityId: invitation!.id, after: summary(invitation!) });
    return { invitation: invitation! };
  });
  if ("error" in result) return result;

  const [inviter] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, actorId)).limit(1);
  const link = portalLink(env().APP_URL, `/invite/${token}`);
  // The invitee's own language when they already have an account (a reader made staff); else the inviting admin's.
  const inviteeLocale = (await accountLocale(email, db)) ?? locale;
  const content = staffInvitationMail(inviteeLocale, { inviterName: inviter?.name || inviter?.email || null, role, link, expiresAt });
  return { ok: true, invitation: result.invitation, token, mail: { to: email, ...content } };
}

/** Revokes an open invitation; its link stops working at once. */
export async function revokeInvitation(actorId: string, invitationId: number, now = new Date()): Promise<{ ok: true } | Failure> {
  const t = await messages();
  if ((await currentRole(actorId)) !== "admin") return { error: t("onlyAdminsRevoke") };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(staffInvitations)
      .set({ revokedAt: now })
      .where(and(eq(staffInvitations.id, invitationId), isNull(staffInvitations.acceptedAt), isNull(staffInvitations.revokedAt)))
      .returning();
    if (!row) return { error: t("revokeGone") };
    await recordAudit(tx, {
      actorId,
      action: "staff.invite.revoke",
      entity: "staff_invitation",
      entityId: row.id,
      before: summary(row),
      after: { ...summary(row), revokedAt: now.toISOString() },
    });
    return { ok: true as const };
  });
}

export type PendingInvitation = { id: number; email: string; role: StaffRole; expiresAt: Date; createdAt: Date; invitedBy: string | null };

/** Open invitations (not accepted, revoked or expired), newest first. */
export async function listPendingInvitations(now = new Date()): Promise<PendingInvitation[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: staffInvitations.id,
      email: staffInvitations.email,
      role: staffInvitations.role,
      expiresAt: staffInvitations.expiresAt,
      createdAt: staffInvitations.createdAt,
      invitedBy: users.email,
    })
    .from(staffInvitations)
    .leftJoin(users, eq(users.id, staffInvitations.invitedBy))
    .where(and(isNull(staffInvitations.acceptedAt), isNull(staffInvitations.revokedAt), gt(staffInvitations.expiresAt, now)))
    .orderBy(desc(staffInvitations.createdAt));
  return rows.map((r) => ({ ...r, role: r.role as StaffRole }));
}

export type InvitationView = {
  state: "usable" | "accepted" | "revoked" | "expired";
  email: string;
  role: StaffRole;
  expiresAt: Date;
  /** An account with this email exists: accepting needs no name or password. */
  hasAccount: boolean;
};

/** Reads an invitation without using it (the page shown by the mailed link). */
export async function inspectInvitation(token: string, now = new Date()): Promise<InvitationView | null> {
  if (!token || token.length > 200) return null;
  const db = await getDb();
  const [row] = await db.select().from(staffInvitations).where(eq(staffInvitations.tokenHash, hashInvitationToken(token))).limit(1);
  if (!row) return null;
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, row.email)).limit(1);
  return { state: stateOf(row, now), email: row.email, role: row.role as StaffRole, expiresAt: row.expiresAt, hasAccount: Boolean(account) };
}

function stateOf(row: InvitationRow, now: Date): InvitationView["state"] {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : "usable";
}

export const newAccountSchema = z.object({
  name: z.string().trim().min(1, validationMessage("staffNameRequired")).max(50, validationMessage("staffNameTooLong")),
  password: newPasswordField,
});

export type AcceptResult = { ok: true; userId: string; email: string; role: StaffRole; newAccount: boolean } | Failure;

/**
 * Uses an invitation once. `viewerId` is the signed-in user, if any: they may
 * accept only an invitation sent to their own email. An existing account with
 * the invited email gets the role (never lowered: an admin invited as editor
 * stays admin); otherwise a new account is created with `name` and `password`.
 */
export async function acceptInvitation(
  token: string,
  { viewerId, name, password }: { viewerId: string | null; name?: string; password?: string },
  now = new Date(),
): Promise<AcceptResult> {
  const locale = await requestLocale();
  const t = translatorFor(locale, "account.invitations");
  const view = await inspectInvitation(token, now);
  if (!view) return { error: t("invalid") };
  if (view.state !== "usable") return { error: t(`states.${view.state}`) };

  const db = await getDb();
  if (viewerId) {
    const [viewer] = await db.select({ email: users.email }).from(users).where(eq(users.id, viewerId)).limit(1);
    if (viewer && normalizeEmail(viewer.email) !== view.email) return { error: t("wrongAccount") };
  }
  // Hashed before the transaction: bcrypt takes a while and must not hold row locks.
  let passwordHash: string | null = null;
  if (!view.hasAccount) {
    const parsed = newAccountSchema.safeParse({ name: name ?? "", password: password ?? "" });
    if (!parsed.success) {
      return { error: t("nameAndPassword"), fieldErrors: localizeFieldErrors(z.flattenError(parsed.error).fieldErrors, locale) };
    }
    name = parsed.data.name;
    passwordHash = await hashPassword(parsed.data.password);
  }

  let result: AcceptResult;
  try {
    result = await acceptInTx(token, name ?? null, passwordHash, now, t);
  } catch (error) {
    if (error instanceof Refusal) return { error: error.message };
    throw error;
  }
  if ("ok" in result) forgetAccess(result.userId);
  return result;
}

/** Thrown inside the transaction so that it rolls back (a returned failure would commit). */
class Refusal extends Error {}

async function acceptInTx(
  token: string,
  name: string | null,
  passwordHash: string | null,
  now: Date,
  t: ReturnType<typeof translatorFor<"account.invitations">>,
): Promise<AcceptResult> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<AcceptResult> => {
    // The atomic claim: of two posts racing each other, only one finds accepted_at still empty.
    const [invitation] = await tx
      .update(staffInvitations)
      .set({ acceptedAt: now })
      .where(
        and(
          eq(staffInvitations.tokenHash, hashInvitationToken(token)),
          isNull(staffInvitations.acceptedAt),
          isNull(staffInvitations.revokedAt),
          gt(staffInvitations.expiresAt, now),
        ),
      )
      .returning();
    if (!invitation) return { error: t("invalid") };
    const role = invitation.role as StaffRole;

    const [account] = await tx.select().from(users).where(eq(users.email, invitation.email)).limit(1);
    let userId: string;
    let newAccount = false;
    if (account) {
      userId = account.id;
      if (account.role !== "admin") {
        const changed = await setRoleInTx(tx, account.id, account.id, role);
        if ("error" in changed) throw new Refusal(changed.error);
      }
      // The link reached this mailbox: that proves the address.
      if (!account.emailVerified) await tx.update(users).set({ emailVerified: now }).where(eq(users.id, account.id));
    } else {
      // The account was deleted after the page was shown: the form must ask for a name and password.
      if (!passwordHash) throw new Refusal(t("refreshPage"));
      const [created] = await tx
        .insert(users)
        .values({ email: invitation.email, name, passwordHash, role, emailVerified: now, createdAt: now })
        .returning({ id: users.id });
      userId = created!.id;
      newAccount = true;
    }
    await recordAudit(tx, {
      actorId: userId,
      action: "staff.invite.accept",
      entity: "staff_invitation",
      entityId: invitation.id,
      before: summary(invitation),
      after: { ...summary(invitation), acceptedAt: now.toISOString(), userId, newAccount },
    });
    return { ok: true, userId, email: invitation.email, role, newAccount };
  });
}
