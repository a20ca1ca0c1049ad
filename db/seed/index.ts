import { ensurePlans } from "@/lib/billing/plans";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { pauses, publication } from "@/db/schema";
import { seedDemoAccounts } from "./accounts";
import { demoIssues, demoPause, demoPublication } from "./content";
import { seedIssue } from "./issues";
import { seedDemoQrCodes } from "@/lib/qr/demo-codes";
import { withSeedLock } from "./lock";
import { reindexAll } from "@/lib/search-index";

export { DEMO_PASSWORD, demoAccounts, type DemoAccount } from "./accounts";

export type SeedOptions = {
  /** Create the demo sign-in accounts (never by default in real production). */
  demoAccounts: boolean;
  log?: (line: string) => void;
};

/**
 * Seeds the demo paper. Idempotent: every step inserts only what its natural
 * key says is missing (publication id 1, issue date, pause start, user email,
 * access-window reference "demo") and never updates existing rows, so running
 * it again, or on every start, leaves the database exactly as it was and never
 * overwrites what staff have since edited.
 */
export async function seedDemo(db: Db, options: SeedOptions): Promise<void> {
  const log = options.log ?? (() => {});

  const created = await db.insert(publication).values(demoPublication).onConflictDoNothing().returning({ id: publication.id });
  log(`publication ${demoPublication.name}: ${created.length ? "created" : "already present"}`);

  await ensurePlans(db);
  log("plans: present");

  for (const issue of demoIssues) await seedIssue(db, issue, log);

  // Also fills the index for articles written before search existed.
  const indexed = await reindexAll(db);
  log(`search index: ${indexed ? `${indexed} article(s) indexed` : "up to date"}`);

  const pauseAdded = await withSeedLock(db, async (tx) => {
    const [has] = await tx.select({ id: pauses.id }).from(pauses).where(eq(pauses.startsOn, demoPause.startsOn)).limit(1);
    if (has) return false;
    await tx.insert(pauses).values(demoPause);
    return true;
  });
  log(`pause ${demoPause.startsOn} (${demoPause.reason}): ${pauseAdded ? "created" : "already present"}`);

  const { masthead } = await seedDemoQrCodes(db);
  log(`QR code for the masthead: /q/${masthead}`);

  if (options.demoAccounts) await seedDemoAccounts(db, log);
  else log("demo accounts: skipped");
}
