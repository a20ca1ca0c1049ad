import { closeDb, dbDriver, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

async function main() {
  const db = await getDb();
  await migrateDatabase(db);
  console.log(`Migrations applied (${await dbDriver()}).`);
  await closeDb();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
