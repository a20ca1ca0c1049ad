import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { safeNext } from "@/lib/safe-next";
import { AccountShell, Panel } from "@/components/ui/form-parts";
import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "注册" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RegisterPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const raw = (await searchParams).next;
  const rawNext = Array.isArray(raw) ? raw[0] : raw;
  const next = rawNext ? safeNext(rawNext) : undefined;
  return (
    <AccountShell title="注册" english="Create account">
      <Panel>
        <RegisterForm next={next} />
      </Panel>
      <p className="mt-6 text-center text-sm text-muted">
        已有账户?
        <Link href={next ? `/login?next=${encodeURIComponent(next)}` : "/login"} className="ml-1 text-brand underline underline-offset-4 hover:decoration-2">
          登录
        </Link>
      </p>
    </AccountShell>
  );
}
