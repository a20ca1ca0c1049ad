import { mkdirSync, rmSync } from "node:fs";
import { startMailbox } from "./mailbox";

/** A real SMTP server the app sends to; tests read the mail it received from E2E_MAILBOX_DIR. */
export default async function globalSetup() {
  const dir = process.env.E2E_MAILBOX_DIR!;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const mailbox = await startMailbox({ port: Number(process.env.E2E_SMTP_PORT ?? 2525), dir });
  return async () => {
    await mailbox.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
