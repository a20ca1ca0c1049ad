import { useTranslations } from "next-intl";
import type { InputHTMLAttributes, ReactNode } from "react";
import type { ActionState } from "@/lib/actions";

/**
 * Building blocks for the account forms. No state here: the client forms pass
 * in their `useActionState` results, so these render on either side (next-intl's
 * useTranslations works in server and client components alike).
 */
type FieldProps = {
  /** Unique on the page: two forms on /login both have an email field. */
  id: string;
  name: string;
  label: string;
  /** A short English label, shown beside the Chinese one but kept out of the accessible name (empty in English). */
  english?: string;
  hint?: string;
  errors?: string[];
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name">;

export function Field({ id, name, label, english, hint, errors, className, ...input }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-ink">
          {label}
        </label>
        {english ? (
          <span aria-hidden="true" className="text-xs tracking-wide text-muted">
            {english}
          </span>
        ) : null}
      </div>
      <input
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        className={`block w-full rounded-md border bg-white px-3 py-2.5 text-base text-ink shadow-sm outline-none transition placeholder:text-muted/70 focus:border-brand focus:ring-2 focus:ring-brand/20 ${
          errorId ? "border-brand" : "border-rule"
        } ${className ?? ""}`}
        {...input}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="text-sm text-brand">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The default words of these parts, from the account catalog. The admin area
 * uses the parts too but ships only its own catalogs, so there the callers'
 * words are all there is (they pass label and pendingText).
 */
function useDefaultWords() {
  const t = useTranslations();
  return (key: "email" | "emailEnglish" | "pleaseWait"): string | undefined => {
    const path = `account.form.${key}` as const;
    return t.has(path) ? t(path) : undefined;
  };
}

/** The email input every account form uses: the same type, autofill hints and length limit as the server's schema. */
export function EmailField(props: Omit<FieldProps, "name" | "type" | "label"> & { label?: string }) {
  const words = useDefaultWords();
  return <Field name="email" type="email" label={words("email") ?? ""} english={words("emailEnglish")} autoComplete="email" inputMode="email" required maxLength={254} {...props} />;
}

/**
 * The small English gloss beside Chinese text ("登录 Sign in"). The English
 * catalog leaves glosses empty, and an empty one renders nothing.
 */
export function Gloss({ text, className = "font-sans text-xs font-normal text-muted" }: { text: string; className?: string }) {
  return text ? <span className={className}>{text}</span> : null;
}

export function SubmitButton({ pending, children, pendingText }: { pending: boolean; children: ReactNode; pendingText?: string }) {
  const words = useDefaultWords();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className="inline-flex w-full items-center justify-center rounded-md bg-brand px-4 py-2.5 text-base font-medium text-white transition hover:bg-brand-dark disabled:cursor-wait disabled:opacity-60"
    >
      {pending ? (pendingText ?? words("pleaseWait") ?? "…") : children}
    </button>
  );
}

/** The form-level outcome: errors are announced assertively, confirmations politely. */
export function FormStatus({ id, state }: { id?: string; state: ActionState }) {
  if (state.error) {
    return (
      <p id={id} role="alert" className="rounded-md border border-brand/30 bg-brand/5 px-3 py-2 text-sm text-brand">
        {state.error}
      </p>
    );
  }
  return (
    <p id={id} role="status" className={state.message ? "rounded-md border border-rule bg-white px-3 py-2 text-sm text-ink" : "sr-only"}>
      {state.message ?? ""}
    </p>
  );
}

export function AccountShell({ title, english, children, wide }: { title: string; english?: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`mx-auto w-full py-2 sm:py-6 ${wide ? "max-w-4xl" : "max-w-md"}`}>
      <h1 className="font-serif text-2xl font-bold tracking-wide text-ink sm:text-3xl">
        {title}
        {english ? <span className="ml-2 align-middle font-sans text-sm font-normal tracking-normal text-muted">{english}</span> : null}
      </h1>
      <div className="mt-6">{children}</div>
    </div>
  );
}

export function Panel({ children, labelledBy }: { children: ReactNode; labelledBy?: string }) {
  return (
    <section aria-labelledby={labelledBy} className="rounded-lg border border-rule bg-white/60 p-5 shadow-sm sm:p-6">
      {children}
    </section>
  );
}
