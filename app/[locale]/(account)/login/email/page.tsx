import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { safeNext } from "@/lib/safe-next";
import { inspectLinkToken } from "@/lib/tokens";
import { AccountShell, Panel } from "@/components/ui/form-parts";
import { ConfirmEmailSignInForm } from "./confirm-form";

export const metadata: Metadata = { title: "确认登录", referrer: "no-referrer" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The target of the link in a sign-in mail. Opening it signs nobody in: mail
 * scanners fetch links on their own, so only the button (a POST) uses the token.
 */
export default async function EmailLinkPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const query = await searchParams;
  const token = one(query.token) ?? "";
  const rawNext = one(query.next);
  const next = rawNext ? safeNext(rawNext) : undefined;
  const link = token ? await inspectLinkToken("login", token) : null;

  return (
    <AccountShell title="确认登录" english="Confirm sign-in">
      <Panel>
        {link?.state === "usable" ? (
          <>
            <p className="mb-5 text-ink">请点击下面的按钮完成登录。此链接只能使用一次。</p>
            <ConfirmEmailSignInForm token={token} next={next} />
          </>
        ) : (
          <>
            <p role="alert" className="text-ink">
              {link?.state === "used" ? "此登录链接已使用,或已被更新的登录邮件取代。" : "此登录链接无效或已过期。"}
            </p>
            <p className="mt-4">
              <Link href="/login" className="text-brand underline-offset-4 hover:underline">
                返回登录页,重新获取登录邮件
              </Link>
            </p>
          </>
        )}
      </Panel>
    </AccountShell>
  );
}
