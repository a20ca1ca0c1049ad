"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions";
import { EmailField, Field, FormStatus, Gloss, SubmitButton } from "@/components/ui/form-parts";
import { requestEmailSignIn, signInWithEmailCode, signInWithPassword } from "./actions";

const initial: ActionState = {};
const buttonGloss = "ml-1 text-sm opacity-80";

export function PasswordSignInForm({ next, notice }: { next?: string; notice?: string | null }) {
  const t = useTranslations("account.login");
  const [state, action, pending] = useActionState(signInWithPassword, notice ? { error: notice } : initial);
  return (
    <form action={action} noValidate className="space-y-4" aria-describedby="password-signin-status">
      <FormStatus id="password-signin-status" state={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <EmailField
        id="password-email"
        autoComplete="username"
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <Field
        id="password-password"
        name="password"
        type="password"
        label={t("password")}
        english={t("passwordEnglish")}
        autoComplete="current-password"
        required
        maxLength={200}
        errors={state.fieldErrors?.password}
      />
      <SubmitButton pending={pending} pendingText={t("signingIn")}>
        {t("submit")} <Gloss text={t("submitEnglish")} className={buttonGloss} />
      </SubmitButton>
    </form>
  );
}

export function EmailSignInForms({ next }: { next?: string }) {
  const t = useTranslations("account.login");
  const [request, requestAction, requesting] = useActionState(requestEmailSignIn, initial);
  const [verify, verifyAction, verifying] = useActionState(signInWithEmailCode, initial);
  const sentTo = request.ok ? request.values?.email : undefined;

  return (
    <div className="space-y-6">
      <form action={requestAction} noValidate className="space-y-4" aria-describedby="email-request-status">
        <FormStatus id="email-request-status" state={request} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <EmailField
          id="email-request-email"
          defaultValue={request.values?.email}
          errors={request.fieldErrors?.email}
          hint={t("emailHint")}
        />
        <SubmitButton pending={requesting} pendingText={t("sending")}>
          {sentTo ? t("resendMail") : t("sendMail")}
        </SubmitButton>
      </form>

      {sentTo ? (
        <form action={verifyAction} noValidate className="space-y-4 border-t border-rule pt-6" aria-describedby="email-code-status">
          <FormStatus id="email-code-status" state={verify} />
          <input type="hidden" name="email" value={sentTo} />
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <Field
            id="email-code"
            name="code"
            type="text"
            label={t("code")}
            english={t("codeEnglish")}
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            autoFocus
            hint={t("codeHint", { email: sentTo })}
            errors={verify.fieldErrors?.code}
            className="font-mono text-lg tracking-[0.4em]"
          />
          <SubmitButton pending={verifying} pendingText={t("signingIn")}>
            {t("submitCode")} <Gloss text={t("submitEnglish")} className={buttonGloss} />
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
