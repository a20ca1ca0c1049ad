import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Every environment variable the app reads, validated in one place.
 * In development and demo mode, secrets that are not set are generated once
 * into the git-ignored data folder, so a fresh clone runs with no set-up.
 * In production against a real database they must be given explicitly.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgres:// or postgresql:// URL" })
    .optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  APP_URL: z.url({ error: "APP_URL must be an absolute URL such as https://e.caixinbao.cn" }).default("http://localhost:3000"),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().min(3).default("财信报 <no-reply@caixinbao.test>"),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "REDIS_URL must be a redis:// or rediss:// URL" }).optional(),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, "STRIPE_SECRET_KEY must look like sk_test_… or sk_live_…").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, "STRIPE_WEBHOOK_SECRET must look like whsec_…").optional(),
  /** Where the Stripe SDK sends API calls; only the test suite's Stripe double sets it (e.g. http://127.0.0.1:12111). */
  STRIPE_API_BASE: z.url({ error: "STRIPE_API_BASE must be an absolute URL" }).optional(),
  /** Allow the demo accounts to be seeded into a production database. */
  SEED_DEMO_ACCOUNTS: z.enum(["0", "1"]).optional(),
  /** Largest accepted upload (page PDF, image, photo, issue package), in bytes. Default 50 MB. */
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024, "UPLOAD_MAX_BYTES must be at least 1024").default(50 * 1024 * 1024),
  /** Most pages accepted in one uploaded PDF. */
  UPLOAD_MAX_PDF_PAGES: z.coerce.number().int().min(1).max(200).default(48),
  /** S3-compatible object storage for uploads; unset = the local folder DATA_DIR/media. */
  S3_ENDPOINT: z.url({ error: "S3_ENDPOINT must be an absolute URL such as https://s3.example.com" }).optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Trust X-Forwarded-For from a proxy in front of the app (for rate limits by IP). */
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
});

export type Env = z.infer<typeof schema> & {
  AUTH_SECRET: string;
  /** Production against a real PostgreSQL: no generated secrets, no demo accounts unless asked for. */
  isRealProduction: boolean;
  pgliteDir: string;
  storageDir: string;
};

export class EnvError extends Error {
  override name = "EnvError";
}

type SecretStore = (dataDir: string) => Record<string, string>;

/** Reads the generated secrets, creating them on first use. Safe against concurrent first runs. */
export const fileSecretStore: SecretStore = (dataDir) => {
  const file = path.join(dataDir, "secrets.json");
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets = { AUTH_SECRET: randomBytes(32).toString("base64url") };
  try {
    writeFileSync(file, JSON.stringify(secrets, null, 2), { flag: "wx", mode: 0o600 });
    return secrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return JSON.parse(readFileSync(file, "utf8"));
    throw error;
  }
};

export function parseEnv(raw: Record<string, string | undefined>, secrets: SecretStore = fileSecretStore): Env {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = result.data;
  const isRealProduction = env.NODE_ENV === "production" && env.DATABASE_URL !== undefined;
  let authSecret = env.AUTH_SECRET;
  if (!authSecret) {
    if (isRealProduction) {
      throw new EnvError(
        "Missing AUTH_SECRET: it is required when NODE_ENV=production with a DATABASE_URL. Generate one with `openssl rand -base64 33`.",
      );
    }
    authSecret = secrets(env.DATA_DIR).AUTH_SECRET;
    if (!authSecret) throw new EnvError(`The generated secrets in ${env.DATA_DIR}/secrets.json have no AUTH_SECRET: delete the file to regenerate it.`);
  }
  return {
    ...env,
    AUTH_SECRET: authSecret,
    isRealProduction,
    pgliteDir: path.join(env.DATA_DIR, "pglite"),
    storageDir: path.join(env.DATA_DIR, "media"),
  };
}

let cached: Env | undefined;

/** The validated environment of this process, read on first use (never at build time). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that point the process at another database. */
export function resetEnvCache(): void {
  cached = undefined;
}
