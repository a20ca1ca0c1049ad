import path from "node:path";
import type { Db } from "./client";
import { dbDriver } from "./client";

const migrationsFolder = path.join(process.cwd(), "db/migrations");

/** Applies the committed drizzle-kit migrations with the migrator of whichever driver is open. */
export async function migrateDatabase(db: Db): Promise<void> {
  if ((await dbDriver()) === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as never, { migrationsFolder });
  }
}
