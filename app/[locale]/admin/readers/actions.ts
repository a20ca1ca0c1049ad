"use server";

import { revalidatePage } from "@/lib/i18n/revalidate";
import { redirect } from "next/navigation";
import { z } from "zod";
import { forgetAccess } from "@/lib/access";
import { validatedActionWithUser, type ActionState } from "@/lib/actions";
import { requestTranslator } from "@/lib/i18n/translate";
import { COMP_DURATIONS, COMP_NOTE_MAX, compEnd, grantComplimentaryAccess, revokeComplimentaryAccess, type CompDuration } from "@/lib/billing/comp";
import { importReaders } from "@/lib/reader-csv";
import { isCompOf } from "@/lib/readers-admin";
import { roles, type Role } from "@/lib/roles";
import { changeUserRole } from "@/lib/staff";
import { discardStagedImport, loadStagedImport } from "./import/staging";

/**
 * The 读者 forms, admins only: the wrapper re-reads the role from the
 * database, and each lib function checks it again before writing. The
 * schemas carry messages in the caller's language, so each action builds its
 * wrapper per call (the caller is checked before the form is parsed, as ever).
 */
type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;
type T = Awaited<ReturnType<typeof requestTranslator<"adminPeople.readers.actions">>>;

const adminOnly = { roles: ["admin"] as readonly Role[] };
const readerId = (t: T) => z.string().regex(/^[\w-]{1,100}$/, t("invalidReader"));
const windowId = (t: T) => z.string().regex(/^[1-9]\d{0,9}$/, t("invalidRecord")).transform(Number);
const durations = Object.keys(COMP_DURATIONS) as [CompDuration, ...CompDuration[]];

/** The action for this request's language. */
const translated =
  (build: (t: T) => Action): Action =>
  async (previous, formData) =>
    build(await requestTranslator("adminPeople.readers.actions"))(previous, formData);

const grantComp = (t: T) =>
  validatedActionWithUser(
    z.object({
      userId: readerId(t),
      duration: z.enum(durations, { error: t("chooseDuration") }),
      note: z.string().trim().max(COMP_NOTE_MAX, t("noteTooLong", { max: COMP_NOTE_MAX })).optional().default(""),
    }),
    async ({ userId, duration, note }, _formData, user) => {
      const result = await grantComplimentaryAccess(user.id, { userId, until: compEnd(duration), note });
      if ("error" in result) return { error: result.error };
      revalidatePage(`/admin/readers/${userId}`);
      const length = (await requestTranslator("adminPeople.readers.detail"))(`durations.${duration}.label`);
      return { ok: true, message: t("granted", { duration: length }) };
    },
    adminOnly,
  );

const revokeComp = (t: T) =>
  validatedActionWithUser(
    z.object({ userId: readerId(t), windowId: windowId(t) }),
    async ({ userId, windowId: id }, _formData, user) => {
      // The form names the reader too: a window id from another reader's page is refused.
      if (!(await isCompOf(userId, id))) return { error: t("noSuchComp") };
      const result = await revokeComplimentaryAccess(user.id, id);
      if ("error" in result) return { error: result.error };
      revalidatePage(`/admin/readers/${userId}`);
      return { ok: true, message: t("revoked") };
    },
    adminOnly,
  );

const changeRole = (t: T) =>
  validatedActionWithUser(
    z.object({ userId: readerId(t), role: z.enum(roles, { error: t("chooseRole") }) }),
    async ({ userId, role }, _formData, user) => {
      const result = await changeUserRole(user.id, userId, role);
      if ("error" in result) return { error: result.error };
      revalidatePage(`/admin/readers/${userId}`);
      return { ok: true, message: t("roleUpdated") };
    },
    adminOnly,
  );

const confirmImport = (t: T) =>
  validatedActionWithUser(
    z.object({ check: z.string().regex(/^[0-9a-f]{32}$/, t("importExpired")) }),
    async ({ check }, _formData, user) => {
      const staged = await loadStagedImport(check, user.id);
      if (!staged) return { error: t("stagedExpired") };
      const result = await importReaders(user.id, staged.csv, { fileName: staged.fileName });
      // Imported or refused, the staged copy has served: a refused file is fixed and uploaded again.
      await discardStagedImport(check);
      if ("error" in result) return { error: result.report ? t("importFailedRows", { error: result.error, count: result.report.problems.length }) : result.error };
      for (const id of result.compUserIds) forgetAccess(id);
      const { newAccounts, existingAccounts, compsToGrant } = result.report;
      redirect(`/admin/readers/import?done=1&new=${newAccounts}&existing=${existingAccounts}&comps=${compsToGrant}`);
    },
    adminOnly,
  );

export async function grantCompAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return translated(grantComp)(previous, formData);
}

export async function revokeCompAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return translated(revokeComp)(previous, formData);
}

export async function changeRoleAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return translated(changeRole)(previous, formData);
}

export async function confirmImportAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return translated(confirmImport)(previous, formData);
}
