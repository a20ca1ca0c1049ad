import { internalToken, isInternalCaller } from "@/lib/internal-caller";

/**
 * The minute job that publishes scheduled issues (定时出版) runs inside the
 * server, through its own route handler, because only code running in Next's
 * request scope can refresh the cached reader pages. The caller proves itself
 * with a token derived from AUTH_SECRET: the server's own ticker
 * (instrumentation.ts) and `npm run jobs:publish` both know it; nobody else does.
 */
export const PUBLISH_JOB_PATH = "/api/jobs/publish";

export function publishJobToken(): string {
  return internalToken("jobs:publish");
}

export function isPublishJobCaller(authorization: string | null): boolean {
  return isInternalCaller(authorization, "jobs:publish");
}
