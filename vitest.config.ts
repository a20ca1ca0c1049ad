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
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".data/**", ".test-data/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
