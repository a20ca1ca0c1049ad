import Link from "next/link";
import { Island } from "@/components/islands/island";

/**
 * The only per-user part of the shared chrome: every link rendered hidden,
 * the account island (components/islands/account.ts) shows the ones for this
 * reader after load, so the pages around it stay cacheable for everyone.
 * Labels come from the server parent.
 */
export function AccountLink({ labels }: { labels: { signIn: string; admin: string; account: string } }) {
  return (
    <Island name="account" props={null} as="span" className="flex items-center gap-3">
      <span data-pending className="inline-block w-16" aria-hidden />
      <Link href="/login" data-for="anonymous" hidden className="rounded border border-brand px-3 py-1 text-brand hover:bg-brand hover:text-white">
        {labels.signIn}
      </Link>
      <Link href="/admin" data-for="staff" hidden className="hover:text-brand">
        {labels.admin}
      </Link>
      <Link href="/account" data-for="member staff" hidden className="rounded bg-brand px-3 py-1 text-white hover:bg-brand-dark">
        {labels.account}
      </Link>
    </Island>
  );
}
