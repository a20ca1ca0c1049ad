import { AwsClient } from "aws4fetch";
import type { StorageBackend } from "./index";

export type S3Config = {
  /** e.g. https://s3.eu-central-1.amazonaws.com or https://minio.internal:9000 */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
};

export class S3StorageError extends Error {
  override name = "S3StorageError";
}

/**
 * Objects in an S3-compatible bucket (AWS, MinIO, Cloudflare R2, Aliyun OSS in
 * S3 mode), signed with SigV4. Path-style URLs (`endpoint/bucket/key`) work
 * with every such service without per-bucket DNS. The content type is kept as
 * the object's own Content-Type.
 */
export function s3Backend(config: S3Config): StorageBackend {
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    region: config.region,
    service: "s3",
    // aws4fetch retries 5xx and 429 with backoff; a few tries ride out a blip without holding an upload for long.
    retries: 2,
  });
  const base = `${config.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(config.bucket)}`;
  // Keys are validated to [a-z0-9/._-] before they get here, so they need no escaping.
  const urlFor = (key: string) => `${base}/${key}`;

  const fail = async (what: string, key: string, response: Response): Promise<never> => {
    const detail = (await response.text().catch(() => "")).slice(0, 300);
    throw new S3StorageError(`S3 ${what} ${key} failed: HTTP ${response.status}${detail ? ` ${detail}` : ""}`);
  };

  return {
    async put(key, body, contentType) {
      const response = await client.fetch(urlFor(key), {
        method: "PUT",
        body: new Uint8Array(body),
        headers: { "Content-Type": contentType, "Content-Length": String(body.length) },
      });
      if (!response.ok) await fail("PUT", key, response);
      await response.arrayBuffer().catch(() => undefined);
    },
    async get(key) {
      const response = await client.fetch(urlFor(key), { method: "GET" });
      if (response.status === 404) {
        await response.arrayBuffer().catch(() => undefined);
        return null;
      }
      if (!response.ok) await fail("GET", key, response);
      const body = Buffer.from(await response.arrayBuffer());
      return { body, contentType: response.headers.get("content-type") ?? "application/octet-stream" };
    },
    async delete(key) {
      const response = await client.fetch(urlFor(key), { method: "DELETE" });
      // S3 answers 204 whether or not the key existed; some compatibles answer 404 for a missing one.
      if (!response.ok && response.status !== 404) await fail("DELETE", key, response);
      await response.arrayBuffer().catch(() => undefined);
    },
  };
}

/** The S3 settings when all of them are given, else null (the local folder is used). */
export function s3ConfigFromEnv(e: {
  S3_ENDPOINT?: string;
  S3_BUCKET?: string;
  S3_REGION: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
}): S3Config | null {
  if (!e.S3_ENDPOINT || !e.S3_BUCKET || !e.S3_ACCESS_KEY_ID || !e.S3_SECRET_ACCESS_KEY) return null;
  return {
    endpoint: e.S3_ENDPOINT,
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
  };
}
