import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { inspectLinkToken } from "@/lib/tokens";
import { AccountShell, Panel } from "@/components/ui/form-parts";
import { NewPasswordForm } from "./new-password-form";

// The token is in the path: never send it on to another site in a Referer.
export const metadata: Metadata = { title: "设置新密码", referrer: "no-referrer" };

export default async function NewPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  // Only looked at here; the token is used up when the new password is saved.
  const link = await inspectLinkToken("reset_password", token);
  return (
    <AccountShell title="设置新密码" english="New password">
      <Panel>
        {link?.state === "usable" ? (
          <NewPasswordForm token={token} />
        ) : (
          <>
            <p role="alert" className="text-ink">
              重设链接已失效、已被使用或已被更新的邮件取代。
            </p>
            <p className="mt-4">
              <Link href="/reset-password" className="text-brand underline-offset-4 hover:underline">
                重新申请重设密码
              </Link>
            </p>
          </>
        )}
      </Panel>
    </AccountShell>
  );
}
