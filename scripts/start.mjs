import { bin, run } from "./lib.mjs";
import { buildIfNeeded } from "./build-if-needed.mjs";

/**
 * `npm start`: build if the code changed, migrate, seed the demo (idempotent),
 * print how to sign in, and serve the production build.
 */
const port = process.env.PORT ?? "3000";

async function main() {
  await buildIfNeeded();
  console.log("▸ Migrating the database …");
  await run(bin("tsx"), ["scripts/migrate.ts"]);
  console.log("▸ Seeding the demo edition …");
  await run(bin("tsx"), ["scripts/seed.ts"]);
  console.log(`
  财信报 数字报 is starting on http://localhost:${port}

  Demo sign-ins (password for all: caixin-demo-2026):
    subscriber@demo.test   subscriber, access until 2027-12-31
    member@demo.test       signed up, never subscribed
    lapsed@demo.test       access ended 2026-03-31
    editor@demo.test       editor
    admin@demo.test        admin
  Mail (sign-in codes, resets) goes to the local outbox: http://localhost:${port}/dev/outbox
`);
  await run(bin("next"), ["start", "-p", port]);
}

main().catch((error) => {
  console.error(`\n✗ ${error.message}`);
  process.exit(1);
});
