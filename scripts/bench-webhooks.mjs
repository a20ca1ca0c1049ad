import { performance } from "node:perf_hooks";
import Stripe from "stripe";

/**
 * Webhook throughput against a running portal (`base`, its STRIPE_WEBHOOK_SECRET
 * as `secret`). Plain Node: it imports nothing from the app.
 *
 * (1) burst: `count` distinct signed checkout.session.completed events (payment
 *     mode, kind "prepaid", payment_status "paid"), `concurrency` at a time.
 *     This path calls no Stripe API: the handler writes the event row, the
 *     payments row (created from the signed metadata when the checkout code's
 *     row is missing, so nothing needs preparing), a prepaid access window,
 *     and after commit the "access granted" mail (outbox without SMTP_URL).
 *     Every answer must be 200 {received: true}; a duplicate or an error counts
 *     as a failure.
 * (2) replay: one more such event delivered `count` times, `concurrency` at a
 *     time: exactly one answer may be {received: true}, all others
 *     {duplicate: true}.
 *
 * What the caller must prepare: the reader(s) must exist and the plan
 * `planKey` (default digital-prepaid-1, written by ensurePlans / the seed)
 * must exist. The handler attributes payments by metadata.userId, never by
 * email, so pass `userId` (the id of `userEmail`'s account), or several ids:
 * all grants of one reader queue on that reader's row lock (terms stack one
 * after the other), so one reader measures the serialized worst case and many
 * readers the parallel case. A run leaves `count + 1` prepaid terms behind.
 */
export async function benchWebhooks({ base, secret, userEmail, userId, planKey = "digital-prepaid-1", count = 1000, concurrency = 20 }) {
  const readers = [userId].flat().filter(Boolean);
  if (readers.length === 0) throw new Error("benchWebhooks needs userId: the id of the account of userEmail (or a list of reader ids)");
  const url = new URL("/api/stripe/webhook", base).toString();
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const rows = [];

  const burst = Array.from({ length: count }, (_, i) => signed(secret, eventFor(`${run}_${i}`, readers[i % readers.length], userEmail, planKey)));
  const burstResult = await deliver(url, burst, concurrency);
  rows.push(row(`burst: ${count} distinct events`, burstResult, { expectApplied: count, expectDuplicates: 0 }));

  const one = signed(secret, eventFor(`${run}_replay`, readers[0], userEmail, planKey));
  const replayResult = await deliver(url, Array.from({ length: count }, () => one), concurrency);
  rows.push(row(`replay: 1 event × ${count}`, replayResult, { expectApplied: 1, expectDuplicates: count - 1 }));
  return rows;
}

function eventFor(suffix, userId, email, planKey) {
  const created = Math.floor(Date.now() / 1000);
  const metadata = { userId, planKey, kind: "prepaid" };
  return {
    id: `evt_bench_${suffix}`,
    object: "event",
    api_version: "2026-10-28.endive",
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: "checkout.session.completed",
    data: {
      object: {
        id: `cs_bench_${suffix}`,
        object: "checkout.session",
        mode: "payment",
        status: "complete",
        payment_status: "paid",
        amount_total: 3000,
        currency: "cny",
        client_reference_id: userId,
        customer: null,
        customer_details: { email: email ?? null },
        payment_intent: `pi_bench_${suffix}`,
        metadata,
        created,
      },
    },
  };
}

function signed(secret, event) {
  const payload = JSON.stringify(event);
  return { payload, header: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}

/** Sends every delivery, `concurrency` in flight; collects answers and latencies. */
async function deliver(url, deliveries, concurrency) {
  const latencies = [];
  const tally = { applied: 0, duplicates: 0, errors: 0, firstError: null };
  let next = 0;
  const worker = async () => {
    while (next < deliveries.length) {
      const { payload, header } = deliveries[next++];
      const started = performance.now();
      try {
        const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": header }, body: payload });
        const body = await response.json().catch(() => null);
        latencies.push(performance.now() - started);
        if (response.status === 200 && body?.duplicate === true) tally.duplicates++;
        else if (response.status === 200 && body?.received === true) tally.applied++;
        else {
          tally.errors++;
          tally.firstError ??= `${response.status} ${JSON.stringify(body)}`;
        }
      } catch (error) {
        tally.errors++;
        tally.firstError ??= error.message;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b), ...tally, total: deliveries.length };
}

function row(target, r, { expectApplied, expectDuplicates }) {
  const pct = (p) => (r.latencies.length ? Math.round(r.latencies[Math.min(r.latencies.length - 1, Math.floor(p * r.latencies.length))]) : null);
  const ok = r.errors === 0 && r.applied === expectApplied && r.duplicates === expectDuplicates;
  return {
    target,
    "events/s": Math.round(r.total / r.seconds),
    "p50 ms": pct(0.5),
    "p99 ms": pct(0.99),
    applied: r.applied,
    duplicates: r.duplicates,
    errors: r.errors,
    check: ok ? "ok" : `FAIL (want ${expectApplied} applied, ${expectDuplicates} duplicate, 0 errors)${r.firstError ? `: ${r.firstError}` : ""}`,
  };
}
