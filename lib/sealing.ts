import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Small secrets the app must show again later (a gift's claim link) are kept
 * encrypted with a key derived from AUTH_SECRET; their sha256 is what lookups use.
 */
const key = (purpose: string) => Buffer.from(hkdfSync("sha256", env().AUTH_SECRET, "caixinbao-sealing", purpose, 32));

export function seal(plain: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

export function unseal(sealed: string, purpose: string): string | null {
  try {
    const [iv, tag, body] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
    const decipher = createDecipheriv("aes-256-gcm", key(purpose), iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(body!), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

export const sha256 = (value: string): string => createHash("sha256").update(value).digest("hex");

export const newToken = (): string => randomBytes(32).toString("base64url");
