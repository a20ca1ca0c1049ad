import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { BillingPanel } from "@/components/billing/billing-panel";
import { NextIssueNotice } from "@/components/reader/next-issue-notice";
import { readerNextIssue } from "@/lib/calendar";
import { getAccountAccess, getViewer } from "@/lib/access";
import { getBillingOverview } from "@/lib/billing/overview";
import { describeAccess } from "@/lib/account-access-view";
import type { Role } from "@/lib/roles";
import { findUserById } from "@/lib/users";
import { AccountShell, Panel } from "@/components/ui/form-parts";
import { ResendVerificationForm } from "./account-forms";
import { PauseNoticeForm } from "./pause-notice-form";
import { signOutAction, signOutEverywhereAction } from "./actions";
import { DeliveryHoldsLink } from "./delivery/delivery-link";

export const metadata: Metadata = { title: "我的账户" };

const roleLabels: Record<Role, string> = { member: "读者", editor: "编辑", admin: "管理员" };

const toneStyles = {
  active: "border-emerald-700/30 bg-emerald-50 text-emerald-900",
  upcoming: "border-rule bg-white text-ink",
  lapsed: "border-brand/30 bg-brand/5 text-brand-dark",
  none: "border-rule bg-white text-ink",
} as const;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const query = await searchParams;
  const denied = query.denied !== undefined;
  const notice = query.manage !== undefined ? "您已有一个生效中的订阅,可以在下方管理它。" : query.gift === "claimed" ? "礼物领取成功,现在可以阅读全部内容。" : null;
  const viewer = await getViewer();
  // The JWT only says who signed in; the database says whether that account still exists.
  const user = viewer ? await findUserById(viewer.id) : null;
  if (!user) redirect("/login?next=/account");

  const [summary, billing, upcoming] = await Promise.all([getAccountAccess(user.id), getBillingOverview(user.id), readerNextIssue()]);
  const access = describeAccess(summary);

  return (
    <AccountShell title="我的账户" english="Account">
      <div className="space-y-6">
        {notice ? (
          <p role="status" className="rounded-md border border-rule bg-white px-3 py-2 text-sm">
            {notice}
          </p>
        ) : null}
        {denied ? (
          <p role="alert" className="rounded-md border border-brand/30 bg-brand/5 px-3 py-2 text-sm text-brand">
            您的账户没有权限访问刚才的页面。
          </p>
        ) : null}
        <Panel labelledBy="account-access-heading">
          <h2 id="account-access-heading" className="mb-3 font-serif text-lg font-bold">
            订阅 <span className="font-sans text-xs font-normal text-muted">Subscription</span>
          </h2>
          <div className={`rounded-md border px-4 py-3 ${toneStyles[access.tone]}`}>
            <p className="text-base font-medium">{access.headline}</p>
            {access.source ? <p className="mt-1 text-sm opacity-80">来源:{access.source}</p> : null}
          </div>
          {access.invite ? (
            <p className="mt-4">
              <Link
                href="/subscribe"
                className="inline-flex items-center rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark"
              >
                {access.tone === "lapsed" ? "续订财信报" : "订阅财信报,阅读全部内容"}
              </Link>
            </p>
          ) : null}
        </Panel>

        <NextIssueNotice info={upcoming} />

        <PauseNoticeForm optedIn={user.pauseNoticeOptIn} />

        <BillingPanel overview={billing} />

        <DeliveryHoldsLink userId={user.id} />

        <Panel labelledBy="account-profile-heading">
          <h2 id="account-profile-heading" className="mb-3 font-serif text-lg font-bold">
            账户信息 <span className="font-sans text-xs font-normal text-muted">Profile</span>
          </h2>
          <dl className="grid grid-cols-[5rem_1fr] gap-x-3 gap-y-3 text-sm sm:grid-cols-[6rem_1fr]">
            <dt className="text-muted">称呼</dt>
            <dd>{user.name ?? "未填写"}</dd>
            <dt className="text-muted">邮箱</dt>
            <dd className="break-all">
              {user.email}
              <span className={`ml-2 inline-block rounded px-1.5 text-xs ${user.emailVerified ? "bg-emerald-50 text-emerald-800" : "bg-brand/10 text-brand"}`}>
                {user.emailVerified ? "已验证" : "未验证"}
              </span>
              {user.emailVerified ? null : <ResendVerificationForm />}
            </dd>
            <dt className="text-muted">身份</dt>
            <dd>{roleLabels[user.role]}</dd>
          </dl>
        </Panel>

        <div className="flex flex-col gap-3 sm:flex-row">
          <form action={signOutAction}>
            <button
              type="submit"
              className="w-full rounded-md border border-rule bg-white px-4 py-2.5 text-base text-ink transition hover:border-ink sm:w-auto"
            >
              退出登录 <span className="ml-1 text-sm text-muted">Sign out</span>
            </button>
          </form>
          <form action={signOutEverywhereAction}>
            <button
              type="submit"
              className="w-full rounded-md border border-rule bg-white px-4 py-2.5 text-base text-ink transition hover:border-ink sm:w-auto"
            >
              退出所有设备 <span className="ml-1 text-sm text-muted">Sign out everywhere</span>
            </button>
          </form>
        </div>
      </div>
    </AccountShell>
  );
}
