import type Stripe from "stripe";
import { emitUpdated, setCancelAtPeriodEnd } from "./billing";
import { completeSession, type CheckoutDetails } from "./complete";
import { ApiError } from "./errors";
import type { FormObject } from "./form";
import { formatAmount } from "./invoices";
import type { PayMethod } from "./objects";
import { clone, type Ctx } from "./store";

/** The pages a browser sees: hosted Checkout (/pay/:id) and the customer portal (/portal/:id). */
export type HttpResult = { status: number; body: string; location?: string };

const esc = (s: unknown) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

const page = (title: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}
.double{background:#fff3cd;padding:.4rem .6rem;border-radius:4px;font-size:.9rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}button{margin:.3rem .3rem 0 0;padding:.5rem .9rem}
label{display:block;margin:.4rem 0}.error{color:#b00020}fieldset{margin:1rem 0}</style></head>
<body><main>${body}</main></body></html>`;

function intervalLabel(price: Stripe.Price): string {
  const r = price.recurring;
  if (!r) return "一次性 / one-time";
  const zh: Record<string, string> = { day: "天", week: "周", month: "个月", year: "年" };
  return r.interval_count === 1
    ? `${({ day: "每天", week: "每周", month: "每月", year: "每年" } as Record<string, string>)[r.interval] ?? r.interval} / ${r.interval}`
    : `每 ${r.interval_count} ${zh[r.interval] ?? r.interval} / every ${r.interval_count} ${r.interval}s`;
}

function checkoutPage(ctx: Ctx, session: Stripe.Checkout.Session, error?: string): string {
  const extra = ctx.store.sessionExtras.get(session.id);
  const title = "Stripe 结账(测试替身)";
  if (session.status !== "open") {
    const what = session.status === "complete" ? "此结账已完成 This checkout is complete." : "此结账已过期 This checkout has expired.";
    const back = session.status === "complete" && session.success_url ? `<p><a href="${esc(successUrl(session))}">继续 Continue</a></p>` : "";
    return page(title, `<h1>${what}</h1>${back}`);
  }
  const rows = (extra?.lines ?? []).map((line) => {
    const price = ctx.store.prices.get(line.price) as Stripe.Price;
    const product = ctx.store.products.get(String(price.product));
    return `<tr><td>${esc(product?.name ?? price.product)}</td><td>× ${line.quantity}</td><td class="amount">${esc(formatAmount((price.unit_amount ?? 0) * line.quantity, price.currency))}</td><td>${esc(intervalLabel(price))}</td></tr>`;
  });
  const trial = extra?.subscriptionData.trialDays;
  const total = formatAmount(session.amount_total ?? 0, session.currency ?? "cny");
  const methods = session.payment_method_types;
  const button = (m: PayMethod, label: string) => `<button type="submit" name="method" value="${m}">${label}</button>`;
  const allowed = session.shipping_address_collection?.allowed_countries ?? [];
  const shipping = allowed.length
    ? `<fieldset><legend>收货地址 Shipping address</legend>
<label>收件人 Name <input name="shipping_name" required autocomplete="name"></label>
<label>地址 Address <input name="shipping_line1" required autocomplete="address-line1"></label>
<label>城市 City <input name="shipping_city" required autocomplete="address-level2"></label>
<label>邮编 Postal code <input name="shipping_postal_code" required autocomplete="postal-code"></label>
<label>国家/地区 Country <select name="shipping_country">${allowed.map((c) => `<option value="${esc(c)}"${c === (allowed.includes("CN") ? "CN" : allowed[0]) ? " selected" : ""}>${esc(c)}</option>`).join("")}</select></label>
</fieldset>`
    : "";
  const email = !session.customer && !session.customer_email ? `<label>电子邮箱 Email <input type="email" name="email" required autocomplete="email"></label>` : "";
  return page(
    title,
    `<h1>结账 Checkout</h1>
<p class="double">Stripe 测试替身:不会真实扣款。Stripe test double: no real payment.</p>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ""}
<table><thead><tr><th>商品 Item</th><th>数量 Qty</th><th>金额 Amount</th><th>周期 Billing</th></tr></thead><tbody>${rows.join("")}</tbody></table>
${trial ? `<p class="trial">免费试用 ${trial} 天 · ${trial}-day free trial</p>` : ""}
<p>今日应付 Due today: <strong class="total">${esc(total)}</strong></p>
${session.customer_email ? `<p>${esc(session.customer_email)}</p>` : ""}
<form method="post" action="/pay/${esc(session.id)}/complete">
${email}${shipping}
${button("card", "银行卡支付 Pay with card")}
${methods.includes("alipay") ? button("alipay", "支付宝 Alipay") : ""}
${methods.includes("wechat_pay") ? button("wechat_pay", "微信支付 WeChat Pay") : ""}
${button("delayed", "延迟到账 Delayed payment")}
</form>
<form method="post" action="/pay/${esc(session.id)}/cancel"><button type="submit">取消 Cancel</button></form>`,
  );
}

const successUrl = (s: Stripe.Checkout.Session) => (s.success_url ?? "").replace(/\{CHECKOUT_SESSION_ID\}/g, s.id);

/** The form's fields. A session that collects shipping always gets an address (blank fields fail validation). */
function detailsFrom(form: FormObject, needsShipping: boolean): CheckoutDetails {
  const f = (k: string) => (typeof form[k] === "string" ? (form[k] as string) : "");
  return {
    ...(f("email") && { email: f("email") }),
    ...(needsShipping
      ? { shipping: { name: f("shipping_name"), address: { line1: f("shipping_line1"), city: f("shipping_city"), postal_code: f("shipping_postal_code"), country: f("shipping_country") || "CN" } } }
      : {}),
  };
}

function portalPage(ctx: Ctx, portal: Stripe.BillingPortal.Session): string {
  const customer = ctx.store.customers.get(portal.customer);
  const subs = [...ctx.store.subscriptions.values()].filter((s) => s.customer === portal.customer);
  const date = (unix: number | undefined) => (unix ? new Date(unix * 1000).toISOString().slice(0, 10) : "—");
  const rows = subs.map((s) => {
    const names = s.items.data.map((i) => ctx.store.products.get(String(i.price.product))?.name ?? i.price.id).join(", ");
    const live = s.status !== "canceled" && s.status !== "incomplete_expired";
    const action = !live ? "" : s.cancel_at_period_end
      ? `<form method="post" action="/portal/${esc(portal.id)}/subscriptions/${esc(s.id)}/renew"><button type="submit">恢复订阅 Renew plan</button></form>`
      : `<form method="post" action="/portal/${esc(portal.id)}/subscriptions/${esc(s.id)}/cancel"><button type="submit">取消订阅 Cancel plan</button></form>`;
    return `<tr data-subscription="${esc(s.id)}"><td>${esc(names)}</td><td class="status">${esc(s.status)}${s.cancel_at_period_end ? "(周期结束时取消 cancels at period end)" : ""}</td><td>${date(s.items.data[0]?.current_period_end)}</td><td>${action}</td></tr>`;
  });
  return page(
    "Stripe 客户门户(测试替身)",
    `<h1>Stripe 客户门户(测试替身)</h1>
<p class="double">Stripe customer portal — test double</p>
<p>${esc(customer?.email ?? customer?.name ?? portal.customer)}</p>
<table><thead><tr><th>订阅 Plan</th><th>状态 Status</th><th>本期至 Period end</th><th></th></tr></thead><tbody>${rows.join("") || `<tr><td colspan="4">没有订阅 No subscriptions</td></tr>`}</tbody></table>
${portal.return_url ? `<p><a href="${esc(portal.return_url)}">返回 Return</a></p>` : ""}`,
  );
}

const html = (status: number, body: string): HttpResult => ({ status, body });

/** Returns null when the path is not a hosted page. */
export async function handleHosted(ctx: Ctx, method: string, path: string, form: FormObject): Promise<HttpResult | null> {
  let m = /^\/pay\/([^/]+)(\/complete|\/cancel)?$/.exec(path);
  if (m) {
    const session = ctx.store.sessions.get(decodeURIComponent(m[1] as string));
    if (!session) return html(404, page("Not found", "<h1>找不到此结账 Checkout session not found</h1>"));
    if (method === "GET" && !m[2]) return html(200, checkoutPage(ctx, session));
    if (method === "POST" && m[2] === "/cancel") return session.cancel_url ? { status: 303, body: "", location: session.cancel_url } : html(200, page("取消", "<h1>已取消 Canceled</h1>"));
    if (method === "POST" && m[2] === "/complete") {
      if (session.status === "complete") return session.success_url ? { status: 303, body: "", location: successUrl(session) } : html(200, checkoutPage(ctx, session));
      try {
        completeSession(ctx, session.id, String(form.method ?? "") as PayMethod, detailsFrom(form, Boolean(session.shipping_address_collection)));
      } catch (error) {
        if (error instanceof ApiError) return html(400, checkoutPage(ctx, session, error.message));
        throw error;
      }
      await ctx.hooks.flush(); // the app has its webhooks before the browser lands on success_url
      return session.success_url ? { status: 303, body: "", location: successUrl(session) } : html(200, page("完成", "<h1>支付完成 Payment complete</h1>"));
    }
    return html(405, page("Method not allowed", "<h1>405</h1>"));
  }
  m = /^\/portal\/([^/]+)(?:\/subscriptions\/([^/]+)\/(cancel|renew))?$/.exec(path);
  if (m) {
    const portal = ctx.store.portalSessions.get(decodeURIComponent(m[1] as string));
    if (!portal) return html(404, page("Not found", "<h1>找不到此门户会话 Portal session not found</h1>"));
    if (method === "GET" && !m[2]) return html(200, portalPage(ctx, portal));
    const sub = m[2] ? ctx.store.subscriptions.get(decodeURIComponent(m[2])) : undefined;
    if (method === "POST" && sub && sub.customer === portal.customer && sub.status !== "canceled") {
      const before = clone(sub);
      setCancelAtPeriodEnd(sub, m[3] === "cancel");
      emitUpdated(ctx, before, sub);
      await ctx.hooks.flush();
      return { status: 303, body: "", location: `/portal/${portal.id}` };
    }
    return html(400, page("Bad request", "<h1>400</h1>"));
  }
  return null;
}
