import http from "node:http";
import https from "node:https";
import Stripe from "stripe";
import { clone, newId, now } from "./store";

export const API_VERSION = "2026-10-28.endive";

export type DeliveryAttempt = {
  eventId: string;
  type: string;
  url: string;
  attempt: number;
  /** HTTP status, or null when the request failed (connection refused, timeout). */
  status: number | null;
  error?: string;
  responseBody?: string;
  at: string;
};

export type BuiltEvent = { event: Stripe.Event; payload: string; header: string };

/**
 * Builds events in the 2026-10-28.endive shape, signs them with the webhook secret, and delivers
 * them one at a time, in order, to the webhook URL. A delivery is retried (up to `retryDelaysMs.length`
 * more times) on a network error or a 5xx; every attempt is logged.
 */
export class Webhooks {
  readonly log: Stripe.Event[] = [];
  readonly attempts: DeliveryAttempt[] = [];
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private stopped = false;

  constructor(
    public url: string | undefined,
    private readonly secret: string,
    private readonly retryDelaysMs: number[] = [100, 250, 500],
    private readonly timeoutMs = 10_000,
  ) {}

  make(type: string, object: unknown, previousAttributes?: unknown): Stripe.Event {
    return {
      id: newId("evt", 24),
      object: "event",
      api_version: API_VERSION,
      created: now(),
      data: {
        object: clone(object) as Stripe.Event.Data.Object,
        ...(previousAttributes !== undefined && { previous_attributes: clone(previousAttributes) as Stripe.Event.Data.PreviousAttributes }),
      },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: type as Stripe.Event.Type,
    } as Stripe.Event;
  }

  sign(event: Stripe.Event): BuiltEvent {
    const payload = JSON.stringify(event, null, 2);
    return { event, payload, header: Stripe.webhooks.generateTestHeaderString({ payload, secret: this.secret }) };
  }

  /** Records an event and queues its delivery; the promise settles once it is delivered (or given up). */
  emit(type: string, object: unknown, previousAttributes?: unknown): Promise<DeliveryAttempt[]> {
    return this.send(this.make(type, object, previousAttributes));
  }

  send(event: Stripe.Event): Promise<DeliveryAttempt[]> {
    if (!this.log.some((e) => e.id === event.id)) this.log.push(event);
    this.pending++;
    const delivery = this.tail.then(() => this.deliver(event)).finally(() => this.pending--);
    this.tail = delivery.catch(() => undefined);
    return delivery;
  }

  /** Resolves when every event queued so far has been delivered. */
  async flush(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }

  /** Drops deliveries not yet started (the double is closing). */
  stop(): void {
    this.stopped = true;
  }

  clear(): void {
    this.log.length = 0;
    this.attempts.length = 0;
  }

  private async deliver(event: Stripe.Event): Promise<DeliveryAttempt[]> {
    const url = this.url;
    if (!url || this.stopped) return [];
    const mine: DeliveryAttempt[] = [];
    for (let attempt = 1; attempt <= this.retryDelaysMs.length + 1; attempt++) {
      // Signed afresh for every attempt, as Stripe does (the timestamp moves on).
      const { payload, header } = this.sign(event);
      const record: DeliveryAttempt = { eventId: event.id, type: event.type, url, attempt, status: null, at: new Date().toISOString() };
      try {
        const res = await post(url, payload, header, this.timeoutMs);
        record.status = res.status;
        record.responseBody = res.body.slice(0, 1000);
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
      this.attempts.push(record);
      mine.push(record);
      if (record.status !== null && record.status < 500) break;
      const delay = this.retryDelaysMs[attempt - 1];
      if (delay !== undefined) await new Promise((r) => setTimeout(r, delay));
    }
    return mine;
  }
}

function post(url: string, payload: string, signature: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: "POST",
        agent: false, // one connection per delivery: nothing lingers when the receiver shuts down
        headers: {
          "content-type": "application/json; charset=utf-8",
          "content-length": Buffer.byteLength(payload),
          "stripe-signature": signature,
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "cache-control": "no-cache",
          accept: "*/*; q=0.5, application/xml",
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(payload);
  });
}
