"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormStatus, Gloss, SubmitButton } from "@/components/ui/form-parts";
import type { ActionState } from "@/lib/actions";
import { acceptInvitationAction } from "./actions";

/**
 * `needsAccount`: no account has the invited email yet, so the form asks for
 * a name and the password twice. `signedIn`: the visitor is already signed in
 * as the invited account and can go straight to the staff area afterwards.
 */
export function AcceptInvitationForm({ token, needsAccount, signedIn }: { token: string; needsAccount: boolean; signedIn: boolean }) {
  const t = useTranslations("account.invite");
  const [state, action, pending] = useActionState<ActionState, FormData>(acceptInvitationAction, {});
  const errors = state.fieldErrors ?? {};
  if (state.ok) {
    return (
      <div className="space-y-4">
        <FormStatus state={state} />
        {signedIn ? (
          <Link href="/admin" className="inline-block text-brand underline-offset-4 hover:underline">
            {t("goToAdmin")}
          </Link>
        ) : (
          <>
            <p className="text-sm text-muted">{t("signInToEnter")}</p>
            <Link href="/login?next=/admin" className="inline-block text-brand underline-offset-4 hover:underline">
              {t("goToLogin")}
            </Link>
          </>
        )}
      </div>
    );
  }
  return (
    <form action={action} noValidate className="space-y-4" aria-describedby="accept-status">
      <FormStatus id="accept-status" state={state} />
      <input type="hidden" name="token" value={token} />
      {needsAccount ? (
        <>
          <Field id="invite-name" name="name" type="text" label={t("name")} english={t("nameEnglish")} autoComplete="name" required maxLength={50} defaultValue={state.values?.name} errors={errors.name} />
          <Field
            id="invite-password"
            name="password"
            type="password"
            label={t("password")}
            english={t("passwordEnglish")}
            autoComplete="new-password"
            required
            minLength={10}
            maxLength={200}
            hint={t("passwordHint")}
            errors={errors.password}
          />
          <Field
            id="invite-password-confirm"
            name="confirmPassword"
            type="password"
            label={t("confirm")}
            english={t("confirmEnglish")}
            autoComplete="new-password"
            required
            maxLength={200}
            errors={errors.confirmPassword}
          />
        </>
      ) : null}
      <SubmitButton pending={pending} pendingText={t("processing")}>
        {needsAccount ? t("createAndAccept") : t("accept")} <Gloss text={t("acceptEnglish")} className="ml-1 text-sm opacity-80" />
      </SubmitButton>
    </form>
  );
}
