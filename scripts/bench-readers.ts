import { inArray } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { users } from "@/db/schema";

/** Creates the benchmark's readers (no password: they never sign in) and prints their ids as JSON. */
async function main() {
  const count = Number(process.argv[2] ?? 20);
  const emails = Array.from({ length: count }, (_, i) => `bench-reader-${i + 1}@bench.test`);
  const db = await getDb();
  await db.insert(users).values(emails.map((email) => ({ email, name: "压测读者" }))).onConflictDoNothing({ target: users.email });
  const rows = await db.select({ id: users.id }).from(users).where(inArray(users.email, emails));
  process.stdout.write(JSON.stringify(rows.map((r) => r.id)));
  await closeDb();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
