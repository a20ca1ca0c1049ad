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
  // The seed has just printed the demo sign-ins (none in production on a real database); this says where to go.
  console.log(`
  财信报 数字报 is starting on http://localhost:${port}
  Sign in at http://localhost:${port}/login with a demo account above (password caixin-demo-2026).
  Mail (sign-in codes, resets) goes to the local outbox unless SMTP_URL is set: http://localhost:${port}/dev/outbox
`);
  await run(process.execPath, ["scripts/server.mjs", "-p", port]);
}

main().catch((error) => {
  console.error(`\n✗ ${error.message}`);
  process.exit(1);
});
