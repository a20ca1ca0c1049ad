import { closeDb, dbDriver, getDb } from "@/db/client";
import { DEMO_PASSWORD, demoAccounts, seedDemo } from "@/db/seed";
import { env } from "@/lib/env";

/** `npm run db:seed`: the demo paper, and the demo accounts unless this is real production. Safe to run repeatedly. */
async function main() {
  const { isRealProduction, SEED_DEMO_ACCOUNTS, storageDir } = env();
  const withAccounts = !isRealProduction || SEED_DEMO_ACCOUNTS === "1";
  const db = await getDb();
  console.log(`Seeding demo content (${await dbDriver()}, files in ${storageDir})…`);
  await seedDemo(db, { demoAccounts: withAccounts, log: (line) => console.log(`  ${line}`) });
  if (withAccounts) {
    console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
    for (const a of demoAccounts) console.log(`  ${a.email.padEnd(22)} ${a.description}`);
  } else {
    console.log("Demo accounts were not created: this is production with a real database (set SEED_DEMO_ACCOUNTS=1 to add them).");
  }
  console.log("Seed complete.");
  await closeDb();
}

main().catch(async (error) => {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && error.cause) console.error(error.cause);
  await closeDb().catch(() => {});
  process.exit(1);
});
