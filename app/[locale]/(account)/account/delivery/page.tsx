import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AccountShell, Panel } from "@/components/ui/form-parts";
import { requireViewer } from "@/lib/access";
import { addDays, chineseMonthDay, todayInPaperZone } from "@/lib/dates";
import { MAX_DAYS_AHEAD } from "@/lib/delivery-hold-rules";
import { holdFormFacts, holdsFor, printSubscriptionFor, type HoldView } from "@/lib/delivery-holds";
import { CancelHoldForm, PlaceHoldForm } from "./delivery-forms";
import { issueLabel } from "./labels";

export const metadata: Metadata = { title: "暂停投递" };

const linkButton = "inline-flex items-center rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark";
const span = (h: { startsOn: string; endsOn: string }) =>
  h.startsOn === h.endsOn ? chineseMonthDay(h.startsOn) : `${chineseMonthDay(h.startsOn)}至${chineseMonthDay(h.endsOn)}`;

function holdState(hold: HoldView, today: string): { label: string; tone: string } {
  if (hold.canceledAt) return { label: "已取消", tone: "bg-rule/40 text-muted" };
  if (hold.endsOn < today) return { label: "已结束", tone: "bg-rule/40 text-muted" };
  if (hold.startsOn <= today) return { label: "暂停中", tone: "bg-amber-50 text-amber-900" };
  return { label: "已预约", tone: "bg-emerald-50 text-emerald-800" };
}

function addressLine(address: Record<string, unknown> | null): string | null {
  const inner = (address?.address ?? {}) as Record<string, unknown>;
  const parts = [inner.state, inner.city, inner.line1, inner.line2].filter((p): p is string => typeof p === "string" && p.trim() !== "");
  const name = typeof address?.name === "string" ? address.name : "";
  return parts.length ? `${parts.join(" ")}${name ? `(${name})` : ""}` : null;
}

/** Print subscribers pause the delivery of the printed paper while away; digital reading goes on. */
export default async function DeliveryHoldsPage() {
  await connection();
  const viewer = await requireViewer("/account/delivery");
  const subscription = await printSubscriptionFor(viewer.id);
  if (!subscription) {
    return (
      <AccountShell title="暂停投递" english="Delivery holds">
        <Panel labelledBy="no-print-heading">
          <h2 id="no-print-heading" className="mb-2 font-serif text-lg font-bold">
            仅限纸质版订阅读者
          </h2>
          <p className="text-sm leading-relaxed">
            暂停投递用于出差、旅行期间暂停送报,只适用于「纸质 + 数字」订阅。您目前没有生效中的纸质版订阅;数字版随时随地都能阅读,无需暂停。
          </p>
          <p className="mt-4 flex flex-wrap gap-3">
            <Link href="/subscribe" className={linkButton}>
              查看订阅方案
            </Link>
            <Link href="/account" className="inline-flex items-center px-2 py-2 text-sm text-brand hover:underline">
              返回我的账户
            </Link>
          </p>
        </Panel>
      </AccountShell>
    );
  }

  const today = todayInPaperZone();
  const [holds, facts] = await Promise.all([holdsFor(viewer.id, today), holdFormFacts(today)]);
  const { policy, earliestStart } = facts;
  const address = addressLine(subscription.shippingAddress);
  return (
    <AccountShell title="暂停投递" english="Delivery holds" wide>
      <div className="space-y-6">
        <Panel labelledBy="hold-intro-heading">
          <h2 id="hold-intro-heading" className="mb-2 font-serif text-lg font-bold">
            外出期间暂停送报 <span className="font-sans text-xs font-normal text-muted">Vacation stop</span>
          </h2>
          <ul id="hold-rules" className="list-disc space-y-1 pl-5 text-sm leading-relaxed">
            <li>
              <strong>数字版不受影响:</strong>暂停期间您仍可在线阅读每一期的全部内容。Digital access continues.
            </li>
            <li>需至少提前 {policy.leadPublicationDays} 个出版日申请{earliestStart ? `,今天申请最早可从${chineseMonthDay(earliestStart)}起暂停` : ""}。</li>
            <li>
              每年最多暂停 {policy.maxWeeksPerYear} 周的报纸(按出版日计);休刊日本就不出报,不计入。
            </li>
            {address ? <li>送报地址:{address}</li> : null}
          </ul>
        </Panel>

        <Panel labelledBy="hold-form-heading">
          <h2 id="hold-form-heading" className="mb-4 font-serif text-lg font-bold">
            申请暂停投递 <span className="font-sans text-xs font-normal text-muted">New hold</span>
          </h2>
          <PlaceHoldForm
            min={earliestStart}
            max={addDays(today, MAX_DAYS_AHEAD)}
            hint={earliestStart ? `最早 ${chineseMonthDay(earliestStart)}` : "请选择日期"}
          />
        </Panel>

        <Panel labelledBy="hold-list-heading">
          <h2 id="hold-list-heading" className="mb-3 font-serif text-lg font-bold">
            我的暂停投递 <span className="font-sans text-xs font-normal text-muted">Your holds</span>
          </h2>
          {holds.length === 0 ? (
            <p className="text-sm text-muted">还没有暂停投递记录。</p>
          ) : (
            <ul className="divide-y divide-rule" data-testid="delivery-holds">
              {holds.map((hold) => {
                const state = holdState(hold, today);
                return (
                  <li key={hold.id} className="space-y-2 py-4 first:pt-0 last:pb-0" data-testid="delivery-hold">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{span(hold)}</span>
                      <span className={`rounded px-1.5 text-xs ${state.tone}`}>{state.label}</span>
                    </p>
                    <div className="text-sm">
                      <p className="text-muted">不投递的报纸(共 {hold.issues.length} 期):</p>
                      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1" aria-label={`${span(hold)}不投递的报纸`}>
                        {hold.issues.map((issue) => (
                          <li key={issue.date} className={hold.canceledAt ? "text-muted line-through" : ""}>
                            {issueLabel(issue)}
                          </li>
                        ))}
                      </ul>
                    </div>
                    <CancelHoldForm holdId={hold.id} span={span(hold)} cancelable={hold.cancelable} />
                  </li>
                );
              })}
            </ul>
          )}
          <p className="mt-4 text-xs text-muted">「预计」期号按出版计划推算,如有增刊或休刊调整,以实际出版为准。</p>
        </Panel>

        <p>
          <Link href="/account" className="text-sm text-brand hover:underline">
            ← 返回我的账户
          </Link>
        </p>
      </div>
    </AccountShell>
  );
}
