import { closeDb, getDb } from "@/db/client";
import { getStripe } from "@/lib/billing/stripe";
import { syncStripeCatalog } from "@/lib/billing/sync";

/**
 * `npm run stripe:sync`: creates the Stripe Products and Prices of every plan
 * that lacks them and stores their ids; safe to run again (creates nothing).
 * Run it after changing a price. The npm script passes
 * `--conditions=react-server` so the app's "server-only" modules load in Node.
 */
async function main() {
  const stripe = getStripe();
  if (!stripe) {
    console.error("STRIPE_SECRET_KEY is not set. Put your key (sk_test_… or sk_live_…) in the environment and run again.");
    process.exit(1);
  }
  const db = await getDb();
  const report = await syncStripeCatalog(db, stripe, (line) => console.log(`  ${line}`));
  console.log(`Stripe catalog in sync: ${report.createdProducts} product(s) and ${report.createdPrices} price(s) created.`);
  await closeDb();
}

main().catch(async (error) => {
  console.error(`Stripe sync failed: ${error instanceof Error ? error.message : String(error)}`);
  await closeDb().catch(() => {});
  process.exit(1);
});
