import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { verifyEmailWithToken, type VerifyOutcome } from "@/lib/account-mail";
import { AccountShell, Panel } from "@/components/ui/form-parts";

export const metadata: Metadata = { title: "验证邮箱", referrer: "no-referrer" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const outcomes: Record<VerifyOutcome, { title: string; text: string }> = {
  verified: { title: "邮箱已验证", text: "感谢您验证邮箱。" },
  expired: { title: "验证链接已过期", text: "请登录后在“我的账户”页面重新发送验证邮件。" },
  invalid: { title: "验证链接无效", text: "链接可能不完整,或已被更新的验证邮件取代。请登录后在“我的账户”页面重新发送验证邮件。" },
};

/** Verifying on GET is harmless: the link only proves the reader can read this mailbox. */
export default async function VerifyEmailPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const outcome = token ? await verifyEmailWithToken(token) : "invalid";
  const { title, text } = outcomes[outcome];
  return (
    <AccountShell title="验证邮箱" english="Verify email">
      <Panel>
        <h2 className="font-serif text-lg font-bold" role={outcome === "verified" ? "status" : "alert"}>
          {title}
        </h2>
        <p className="mt-2 text-ink">{text}</p>
        <p className="mt-5">
          <Link href="/account" className="text-brand underline-offset-4 hover:underline">
            前往我的账户
          </Link>
        </p>
      </Panel>
    </AccountShell>
  );
}
