import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests run the same modules in Node.
      "server-only": path.resolve(import.meta.dirname, "db/testing/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    // Playwright journeys are e2e/*.spec.ts; test doubles under e2e/support have unit tests of their own.
    exclude: ["node_modules/**", ".next/**", ".next-test/**", "e2e/*.spec.ts", ".data/**", ".test-data/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
