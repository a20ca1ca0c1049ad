import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AccountShell, Panel } from "@/components/ui/form-parts";
import { getViewer } from "@/lib/access";
import { inspectInvitation } from "@/lib/invitations";
import { formatPaperTime } from "@/lib/issues-admin";
import { AcceptInvitationForm } from "../accept-form";

// The token is in the path: never send it on to another site in a Referer.
export const metadata: Metadata = { title: "接受员工邀请", referrer: "no-referrer", robots: { index: false } };

const STATE_TEXT = {
  accepted: "这份邀请已被接受。请登录后进入编辑后台。",
  revoked: "这份邀请已被撤回。如仍需加入,请联系管理员重新邀请。",
  expired: "这份邀请已过期。请联系管理员重新邀请。",
} as const;

/** Shows the invitation; only the form's POST uses it up. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const [invitation, viewer] = await Promise.all([inspectInvitation(token), getViewer()]);
  const role = invitation?.role === "admin" ? "管理员" : "编辑";
  const wrongAccount = Boolean(viewer && invitation && viewer.email.toLowerCase() !== invitation.email);

  return (
    <AccountShell title="接受员工邀请" english="Staff invitation">
      <Panel>
        {!invitation ? (
          <p role="alert">邀请链接无效。请检查链接是否完整,或联系管理员重新邀请。</p>
        ) : invitation.state !== "usable" ? (
          <div className="space-y-4">
            <p role="alert">{STATE_TEXT[invitation.state]}</p>
            <Link href="/login?next=/admin" className="inline-block text-brand underline-offset-4 hover:underline">
              前往登录
            </Link>
          </div>
        ) : wrongAccount ? (
          <div className="space-y-3">
            <p role="alert">
              此邀请是发给 <strong>{invitation.email}</strong> 的,而您当前登录的账户是 {viewer!.email}。请先在“我的账户”页退出登录,再打开邀请链接。
            </p>
            <Link href="/account" className="inline-block text-brand underline-offset-4 hover:underline">
              我的账户
            </Link>
          </div>
        ) : (
          <div className="space-y-4">
            <p>
              您被邀请以<strong>「{role}」</strong>身份加入财信报编辑后台。
            </p>
            <p className="text-sm text-muted">
              邀请邮箱:{invitation.email} · {formatPaperTime(invitation.expiresAt)} 前有效,只能使用一次。
            </p>
            {invitation.hasAccount ? (
              <p className="text-sm">{viewer ? "接受后即可进入编辑后台。" : "该邮箱已有账户:接受后请用原密码(或邮件登录)登录。"}</p>
            ) : (
              <p className="text-sm">请设置姓名和密码以创建账户。接受后请在登录页登录。</p>
            )}
            <AcceptInvitationForm token={token} needsAccount={!invitation.hasAccount} signedIn={Boolean(viewer)} />
          </div>
        )}
      </Panel>
    </AccountShell>
  );
}
