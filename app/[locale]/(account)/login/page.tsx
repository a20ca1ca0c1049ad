import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { loginPageNotice } from "@/lib/auth-messages";
import { getViewer } from "@/lib/access";
import { safeNext } from "@/lib/safe-next";
import { AccountShell, Panel } from "@/components/ui/form-parts";
import { EmailSignInForms, PasswordSignInForm } from "./login-forms";

export const metadata: Metadata = { title: "登录" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const query = await searchParams;
  const rawNext = one(query.next);
  // Passed on only once checked; an unsafe ?next= becomes "/".
  const next = rawNext ? safeNext(rawNext) : undefined;

  if (await getViewer()) redirect(next && !next.startsWith("/login") ? next : "/account");

  const notice = loginPageNotice(one(query.error), one(query.code));
  const registerHref = next ? `/register?next=${encodeURIComponent(next)}` : "/register";

  return (
    <AccountShell title="登录" english="Sign in" wide>
      {one(query.signedOut) === "everywhere" ? (
        <p role="status" className="mb-6 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          已退出所有设备上的登录。<span className="ml-1">Signed out on every device.</span>
        </p>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        <Panel labelledBy="password-signin-heading">
          <h2 id="password-signin-heading" className="mb-4 font-serif text-lg font-bold">
            密码登录 <span className="font-sans text-xs font-normal text-muted">Password</span>
          </h2>
          <PasswordSignInForm next={next} notice={notice} />
          <p className="mt-4 text-sm">
            <Link href="/reset-password" className="text-brand underline-offset-4 hover:underline">
              忘记密码?
            </Link>
          </p>
        </Panel>
        <Panel labelledBy="email-signin-heading">
          <h2 id="email-signin-heading" className="mb-4 font-serif text-lg font-bold">
            邮件登录 <span className="font-sans text-xs font-normal text-muted">Email code</span>
          </h2>
          <EmailSignInForms next={next} />
        </Panel>
      </div>
      <p className="mt-8 text-center text-sm text-muted">
        还没有账户?
        <Link href={registerHref} className="ml-1 text-brand underline underline-offset-4 hover:decoration-2">
          免费注册
        </Link>
      </p>
    </AccountShell>
  );
}
