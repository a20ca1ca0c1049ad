import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { deleteObject, getObject, putObject, storage } from "./index";
import { s3Backend, S3StorageError } from "./s3";

/**
 * A tiny S3 double: path-style `/<bucket>/<key>` objects in a Map. It refuses
 * requests without a SigV4 Authorization header, like the real service.
 */
type Seen = { method: string; path: string; authorization?: string; amzDate?: string; contentSha?: string };
const objects = new Map<string, { body: Buffer; contentType: string }>();
const seen: Seen[] = [];
let server: Server;
let endpoint: string;
/** Answer the next `failTimes` requests with `failStatus`. */
let failStatus = 500;
let failTimes = 0;

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    seen.push({
      method: req.method ?? "",
      path,
      authorization: req.headers.authorization,
      amzDate: req.headers["x-amz-date"] as string | undefined,
      contentSha: req.headers["x-amz-content-sha256"] as string | undefined,
    });
    if (!req.headers.authorization?.startsWith("AWS4-HMAC-SHA256 ")) {
      res.writeHead(403, { "content-type": "application/xml" }).end("<Error><Code>AccessDenied</Code></Error>");
      return;
    }
    if (failTimes > 0) {
      failTimes--;
      res.writeHead(failStatus, { "content-type": "application/xml" }).end("<Error><Code>InternalError</Code></Error>");
      return;
    }
    if (req.method === "PUT") {
      objects.set(path, { body, contentType: req.headers["content-type"] ?? "binary/octet-stream" });
      res.writeHead(200).end();
    } else if (req.method === "GET") {
      const object = objects.get(path);
      if (!object) res.writeHead(404, { "content-type": "application/xml" }).end("<Error><Code>NoSuchKey</Code></Error>");
      else res.writeHead(200, { "content-type": object.contentType }).end(object.body);
    } else if (req.method === "DELETE") {
      objects.delete(path);
      res.writeHead(204).end();
    } else {
      res.writeHead(405).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const S3_VARS = ["S3_ENDPOINT", "S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;
const saved = Object.fromEntries(S3_VARS.map((k) => [k, process.env[k]]));

afterEach(() => {
  for (const k of S3_VARS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvCache();
  objects.clear();
  seen.length = 0;
});

const config = () => ({ endpoint, bucket: "caixin-media", region: "cn-east-1", accessKeyId: "AKIDTEST", secretAccessKey: "secret-test-key" });

describe("S3-compatible storage", () => {
  it("puts, gets and deletes objects path-style with a SigV4 signature and the content type", async () => {
    const backend = s3Backend(config());
    const body = Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 255]);
    await backend.put("issues/7/pages/1-abc.pdf", body, "application/pdf");

    expect(objects.get("/caixin-media/issues/7/pages/1-abc.pdf")?.contentType).toBe("application/pdf");
    const put = seen[0]!;
    expect(put.method).toBe("PUT");
    expect(put.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/cn-east-1\/s3\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/);
    expect(put.amzDate).toMatch(/^\d{8}T\d{6}Z$/);
    expect(put.contentSha).toBeTruthy();

    const got = await backend.get("issues/7/pages/1-abc.pdf");
    expect(got?.contentType).toBe("application/pdf");
    expect(got?.body.equals(body)).toBe(true);

    await backend.delete("issues/7/pages/1-abc.pdf");
    expect(await backend.get("issues/7/pages/1-abc.pdf")).toBeNull();
    // Deleting twice is not an error.
    await backend.delete("issues/7/pages/1-abc.pdf");
  });

  it("returns null for a missing object, rides out a passing 5xx and throws a clear error on a lasting one", async () => {
    const backend = s3Backend(config());
    expect(await backend.get("nothing/here.webp")).toBeNull();

    [failStatus, failTimes] = [503, 1];
    await backend.put("a/once.webp", Buffer.from("x"), "image/webp");
    expect(objects.has("/caixin-media/a/once.webp")).toBe(true);

    [failStatus, failTimes] = [500, 10];
    await expect(backend.put("a/b.webp", Buffer.from("x"), "image/webp")).rejects.toBeInstanceOf(S3StorageError);
    expect(objects.has("/caixin-media/a/b.webp")).toBe(false);
    failTimes = 0;
  });

  it("refuses with an error when the credentials are rejected", async () => {
    const backend = s3Backend({ ...config(), endpoint: `${endpoint}/` });
    // The double accepts any signature; a 403 still has to surface as an error, not as a missing object.
    [failStatus, failTimes] = [403, 1];
    await expect(backend.get("x/y.png")).rejects.toThrow(/HTTP 403/);
  });

  it("is chosen by storage() when the S3 settings are complete, and not otherwise", async () => {
    process.env.S3_ENDPOINT = endpoint;
    process.env.S3_BUCKET = "caixin-media";
    process.env.S3_REGION = "cn-east-1";
    process.env.S3_ACCESS_KEY_ID = "AKIDTEST";
    delete process.env.S3_SECRET_ACCESS_KEY;
    resetEnvCache();
    const local = storage();

    process.env.S3_SECRET_ACCESS_KEY = "secret-test-key";
    resetEnvCache();
    expect(storage()).not.toBe(local);
    await putObject("pages/2026-04-30/1.webp", Buffer.from("RIFFxxxxWEBP"), "image/webp");
    expect(objects.has("/caixin-media/pages/2026-04-30/1.webp")).toBe(true);
    expect((await getObject("pages/2026-04-30/1.webp"))?.contentType).toBe("image/webp");
    await deleteObject("pages/2026-04-30/1.webp");
    expect(objects.size).toBe(0);
  });
});
