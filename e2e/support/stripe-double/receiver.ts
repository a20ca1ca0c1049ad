import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

/**
 * A webhook endpoint for tests: verifies every delivery with stripe.webhooks.constructEvent
 * (the way the app does) and keeps the events, in arrival order. `failNext(n, status)` makes the
 * next n deliveries fail, to exercise the double's retries.
 */
export type WebhookReceiver = {
  url: string;
  events: Stripe.Event[];
  /** Deliveries whose signature did not verify. */
  rejected: { header: string | undefined; error: string }[];
  failNext(count: number, status?: number): void;
  waitFor(predicate: (events: Stripe.Event[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const verifier = new Stripe("sk_test_receiver");
  const events: Stripe.Event[] = [];
  const rejected: WebhookReceiver["rejected"] = [];
  let failures = 0;
  let failStatus = 500;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (failures > 0) {
        failures--;
        res.writeHead(failStatus).end("failing on purpose");
        return;
      }
      const raw = Buffer.concat(chunks).toString("utf8");
      const header = req.headers["stripe-signature"] as string | undefined;
      try {
        events.push(verifier.webhooks.constructEvent(raw, header ?? "", secret));
        res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
      } catch (error) {
        rejected.push({ header, error: error instanceof Error ? error.message : String(error) });
        res.writeHead(400).end("bad signature");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/stripe/webhook`,
    events,
    rejected,
    failNext(count, status = 500) {
      failures = count;
      failStatus = status;
    },
    async waitFor(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(events)) {
        if (Date.now() > deadline) throw new Error(`webhook receiver: condition not met; got ${events.map((e) => e.type).join(", ")}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
