import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const mailboxDir = path.resolve(process.env.E2E_MAILBOX_DIR ?? `.test-data/mailbox-${process.pid}`);
process.env.E2E_MAILBOX_DIR = mailboxDir;

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  },
};

/** Drives the real production build (see scripts/test.mjs) in Debian's Chromium. */
export default defineConfig({
  testDir: "e2e",
  // Vitest owns *.test.ts (the test doubles under e2e/support have their own); journeys are *.spec.ts.
  testMatch: "*.spec.ts",
  outputDir: ".test-data/playwright-results",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  globalSetup: "./e2e/support/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      // The staff journeys publish new issues, which changes "today's paper" and the next number, or change
      // site-wide settings (metering): they run last, one file at a time.
      testIgnore: /(admin-issue|metering)\.spec\.ts/,
      use: { ...chromium },
    },
    { name: "staff-journeys", testMatch: /(admin-issue|metering)\.spec\.ts/, dependencies: ["chromium"], workers: 1, use: { ...chromium } },
  ],
  webServer: {
    command: `node scripts/server.mjs -p ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      ...(process.env as Record<string, string>),
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? 2525}`,
      APP_URL: `http://127.0.0.1:${port}`,
    },
  },
});
