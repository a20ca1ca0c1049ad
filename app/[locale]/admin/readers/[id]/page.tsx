import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { COMP_DURATIONS, COMP_NOTE_MAX } from "@/lib/billing/comp";
import { formatPaperTime } from "@/lib/issues-admin";
import { describeReaderAccess, readerDetail, roleText } from "@/lib/readers-admin";
import { GrantCompForm, RevokeCompButton, RoleForm } from "../reader-forms";

export const metadata: Metadata = { title: "读者详情" };

type Props = { params: Promise<{ id: string }> };

const methodText: Record<string, string> = { password: "密码", email_code: "邮件登录码", email_link: "邮件登录链接", invitation: "员工邀请" };
const deviceText: Record<string, string> = { ios: "iPhone/iPad", android: "Android", desktop: "电脑", other: "其他" };
const giftStatusText: Record<string, string> = { pending: "待付款", paid: "已付款,待领取", claimed: "已领取" };
const paymentStatusText: Record<string, string> = { pending: "待付款", paid: "已付款", failed: "失败" };
const when = (at: Date | null) => (at ? formatPaperTime(at) : "—");
const yuan = (fen: number | null) => (fen == null ? "—" : `¥${(fen / 100).toFixed(2)}`);

function Section({ id, title, english, children }: { id: string; title: string; english: string; children: ReactNode }) {
  return (
    <Panel labelledBy={id}>
      <h2 id={id} className="mb-3 font-serif text-lg font-bold">
        {title} <span className="font-sans text-xs font-normal text-muted">{english}</span>
      </h2>
      {children}
    </Panel>
  );
}

const Empty = ({ children }: { children: ReactNode }) => <p className="text-sm text-muted">{children}</p>;
const th = "px-3 py-2 font-medium";
const td = "px-3 py-2 align-top";

export default async function ReaderPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireStaff(`/admin/readers/${encodeURIComponent(id)}`, ["admin"]);
  const detail = await readerDetail(id);
  if (!detail) notFound();
  const { reader } = detail;
  const access = describeReaderAccess(detail.access);
  const durations = (Object.keys(COMP_DURATIONS) as (keyof typeof COMP_DURATIONS)[]).map((value) => ({ value, ...COMP_DURATIONS[value] }));

  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <p className="text-sm">
        <Link href="/admin/readers" className="text-muted hover:text-brand">
          ← 读者
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold break-all">
        {reader.name ?? reader.email} <span className="font-sans text-sm font-normal text-muted">Reader</span>
      </h1>

      <Section id="reader-account" title="账户" english="Account">
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted">邮箱</dt>
          <dd className="break-all">
            {reader.email} {reader.emailVerified ? <span className="text-xs text-emerald-800">已验证</span> : <span className="text-xs text-muted">未验证</span>}
          </dd>
          <dt className="text-muted">姓名</dt>
          <dd>{reader.name ?? "—"}</dd>
          <dt className="text-muted">角色</dt>
          <dd>{roleText[reader.role]}</dd>
          <dt className="text-muted">登录方式</dt>
          <dd>{reader.hasPassword ? "密码或邮件" : "仅邮件登录(未设密码)"}</dd>
          <dt className="text-muted">注册时间</dt>
          <dd>{formatPaperTime(reader.createdAt)}</dd>
          <dt className="text-muted">当前阅读权限</dt>
          <dd className={access.active ? "font-medium text-emerald-800" : ""}>{access.active ? `有 · ${access.text}` : access.text}</dd>
          <dt className="text-muted">Stripe 客户</dt>
          <dd className="font-mono text-xs">{detail.stripeCustomerId ?? "—"}</dd>
        </dl>
      </Section>

      <Section id="reader-windows" title="阅读权限记录" english="Access windows">
        {detail.windows.length === 0 ? (
          <Empty>没有阅读权限记录。</Empty>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-rule text-xs text-muted">
                <tr>
                  <th scope="col" className={th}>来源</th>
                  <th scope="col" className={th}>开始</th>
                  <th scope="col" className={th}>结束</th>
                  <th scope="col" className={th}>说明</th>
                  <th scope="col" className={th}><span className="sr-only">操作</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-rule">
                {detail.windows.map((w) => (
                  <tr key={w.id} data-window-id={w.id} data-source={w.source}>
                    <td className={td}>
                      {w.sourceLabel}
                      {w.activeNow ? <span className="ml-1 rounded bg-emerald-100 px-1.5 text-xs text-emerald-900">生效中</span> : null}
                    </td>
                    <td className={`${td} whitespace-nowrap`}>{when(w.startsAt)}</td>
                    <td className={`${td} whitespace-nowrap`}>{w.endsAt ? when(w.endsAt) : "长期"}</td>
                    <td className={`${td} break-all`}>{w.referenceText}</td>
                    <td className={td}>{w.revocable ? <RevokeCompButton userId={reader.id} windowId={w.id} description={w.referenceText} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="reader-comp" title="赠送阅读权限" english="Complimentary access">
        <GrantCompForm userId={reader.id} durations={durations} noteMax={COMP_NOTE_MAX} />
      </Section>

      <Section id="reader-subscriptions" title="订阅(Stripe)" english="Subscriptions">
        {detail.subscriptions.length === 0 ? (
          <Empty>没有 Stripe 订阅。</Empty>
        ) : (
          <ul className="space-y-2 text-sm">
            {detail.subscriptions.map((s) => (
              <li key={s.id} className="rounded-md border border-rule bg-white px-3 py-2">
                <p>
                  <span className="font-medium">{s.planName ?? "未知方案"}</span> · 状态 <span className="font-mono">{s.status}</span>
                  {s.cancelAtPeriodEnd ? <span className="ml-2 text-brand">到期后取消</span> : null}
                </p>
                <p className="text-muted">
                  本期至 {when(s.currentPeriodEnd)}
                  {s.trialEnd ? ` · 试用至 ${when(s.trialEnd)}` : ""}
                  {s.endedAt ? ` · 已于 ${when(s.endedAt)} 结束` : ""} · <span className="font-mono text-xs">{s.id}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="reader-payments" title="付款" english="Payments">
        {detail.payments.length === 0 ? (
          <Empty>没有单次付款。</Empty>
        ) : (
          <ul className="space-y-1 text-sm">
            {detail.payments.map((p) => (
              <li key={p.id}>
                {p.planName} · {yuan(p.amountFen)} · {paymentStatusText[p.status] ?? p.status} · {when(p.paidAt ?? p.createdAt)}
                {p.paymentMethodType ? ` · ${p.paymentMethodType}` : ""} <span className="font-mono text-xs text-muted">{p.id}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="reader-sign-ins" title="最近登录" english="Recent sign-ins">
        {detail.signIns.length === 0 ? (
          <Empty>没有登录记录。</Empty>
        ) : (
          <ul className="space-y-1 text-sm">
            {detail.signIns.map((s, i) => (
              <li key={i}>
                {formatPaperTime(s.at)} · {methodText[s.method] ?? s.method} · {deviceText[s.device ?? "other"] ?? s.device}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="reader-gifts" title="礼物" english="Gifts">
        <h3 className="mb-1 text-sm font-medium">购买的礼物</h3>
        {detail.giftsBought.length === 0 ? (
          <Empty>没有购买礼物。</Empty>
        ) : (
          <ul className="mb-3 space-y-1 text-sm">
            {detail.giftsBought.map((g) => (
              <li key={g.id}>
                #{g.id} {g.planName}({g.months}个月)送给 {g.recipientEmail} · {giftStatusText[g.status] ?? g.status}
                {g.claimedByEmail ? ` · 由 ${g.claimedByEmail} 于 ${when(g.claimedAt)} 领取` : ""}
              </li>
            ))}
          </ul>
        )}
        <h3 className="mb-1 text-sm font-medium">领取的礼物</h3>
        {detail.giftsClaimed.length === 0 ? (
          <Empty>没有领取礼物。</Empty>
        ) : (
          <ul className="space-y-1 text-sm">
            {detail.giftsClaimed.map((g) => (
              <li key={g.id}>
                #{g.id} {g.planName}({g.months}个月)来自 {g.buyerEmail} · 领取于 {when(g.claimedAt)}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="reader-role" title="角色" english="Role">
        <p className="mb-3 text-sm text-muted">
          编辑可以管理期次;管理员还可以管理读者、员工和报社资料。{reader.id === viewer.id ? "这是您自己的账户。" : ""}
        </p>
        <RoleForm userId={reader.id} role={reader.role} />
      </Section>
    </div>
  );
}
