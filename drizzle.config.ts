import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` is used: migrations are applied by scripts/migrate.ts for both drivers.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
