"use server";

import { z } from "zod";
import { confirmPasswordField, linkTokenField, validationMessage } from "@/lib/account-schemas";
import { validatedAction } from "@/lib/actions";
import { requestTranslator } from "@/lib/i18n/translate";
import { acceptInvitation } from "@/lib/invitations";
import { sessionUserId } from "@/lib/session";

/**
 * Accepting a staff invitation: the POST, never the page view, uses the link
 * (mail scanners open links). New accounts type the password twice.
 */
export const acceptInvitationAction = validatedAction(
  z
    .object({
      token: linkTokenField,
      name: z.string().max(200).optional(),
      password: z.string().max(200).optional(),
      confirmPassword: confirmPasswordField.optional(),
    })
    .refine((form) => form.password === undefined || form.password === form.confirmPassword, { path: ["confirmPassword"], message: validationMessage("passwordsMismatch") }),
  async ({ token, name, password }) => {
    const result = await acceptInvitation(token, { viewerId: await sessionUserId(), name, password });
    if ("error" in result) return result;
    const t = await requestTranslator("account.invite");
    return {
      ok: true,
      message: t(result.newAccount ? "created" : "accepted", { role: result.role, email: result.email }),
    };
  },
);
