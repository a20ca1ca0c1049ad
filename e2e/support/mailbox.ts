import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";

/**
 * A local SMTP sink for end-to-end tests: every message received is written as
 * one JSON file per recipient, { to, subject, text, receivedAt }, into `dir`.
 * It decodes what nodemailer produces: 7bit/8bit, base64 and quoted-printable
 * bodies, RFC 2047 subjects, and nested multipart messages (text/plain wins).
 */
export type ReceivedMail = { to: string; subject: string; text: string; receivedAt: string };

export async function startMailbox({ port, dir }: { port: number; dir: string }): Promise<{ port: number; close(): Promise<void> }> {
  await mkdir(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    // Any credentials are accepted, so an SMTP_URL with a user and password works too.
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "test" });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const { subject, text } = parseMail(Buffer.concat(chunks));
        const receivedAt = new Date().toISOString();
        const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        Promise.all(recipients.map((to) => saveMail(dir, { to, subject, text, receivedAt })))
          .then(() => callback())
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  return { port: address.port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function saveMail(dir: string, mail: ReceivedMail): Promise<void> {
  const name = `${Date.now()}-${randomBytes(4).toString("hex")}.json`;
  // Written under a temporary name and renamed, so a reader never sees half a file.
  const temporary = path.join(dir, `.${name}.tmp`);
  await writeFile(temporary, JSON.stringify(mail, null, 2));
  await rename(temporary, path.join(dir, name));
}

/** Waits for the newest mail to `to` received at or after `after`. */
export async function readLatestMail(
  dir: string,
  to: string,
  { after, timeoutMs = 15_000 }: { after?: Date; timeoutMs?: number } = {},
): Promise<{ subject: string; text: string }> {
  const address = to.trim().toLowerCase();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(".json"));
    const mails = await Promise.all(
      names.map(async (n) => JSON.parse(await readFile(path.join(dir, n), "utf8")) as ReceivedMail),
    );
    const latest = mails
      .filter((m) => m.to === address && (!after || Date.parse(m.receivedAt) >= after.getTime()))
      .sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt))[0];
    if (latest) return { subject: latest.subject, text: latest.text };
    if (Date.now() > deadline) throw new Error(`No mail to ${address} arrived in ${dir} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The 6-digit sign-in code: the one after "登录码", else any 6 digits standing alone outside a link. */
export function extractCode(text: string): string {
  const labelled = /登录码[是为::\s]*(\d{6})(?!\d)/.exec(text);
  if (labelled) return labelled[1]!;
  const alone = /(?<![\w-])\d{6}(?![\w-])/.exec(text.replace(/https?:\/\/\S+/g, " "));
  if (alone) return alone[0];
  throw new Error(`No 6-digit code in mail:\n${text}`);
}

/** The first http(s) link, optionally the first whose path starts with `pathPrefix`. */
export function extractLink(text: string, pathPrefix?: string): string {
  for (const [link] of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    if (!pathPrefix || new URL(link).pathname.startsWith(pathPrefix)) return link;
  }
  throw new Error(`No link${pathPrefix ? ` to ${pathPrefix}` : ""} in mail:\n${text}`);
}

// ── A minimal MIME reader. Bytes are carried as latin1 strings until a part's charset is known. ──

type Part = { headers: Map<string, string>; body: string };

function splitPart(raw: string): Part {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : "";
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function headerParam(value: string | undefined, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(value ?? "");
  return m ? (m[1] ?? m[2]) : undefined;
}

function decodeCharset(bytes: Buffer, charset = "utf-8"): string {
  const label = charset.toLowerCase();
  if (label === "us-ascii" || label === "iso-8859-1" || label === "latin1") return bytes.toString("latin1");
  return new TextDecoder(label, { fatal: false }).decode(bytes);
}

function decodeQuotedPrintable(body: string): Buffer {
  const joined = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(joined.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const charset = headerParam(part.headers.get("content-type"), "charset");
  const bytes =
    encoding === "base64"
      ? Buffer.from(part.body.replace(/\s+/g, ""), "base64")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(part.body)
        : Buffer.from(part.body, "latin1");
  return decodeCharset(bytes, charset).replace(/\r\n/g, "\n").replace(/\n+$/, "");
}

/** RFC 2047 encoded words; whitespace between two adjacent encoded words is dropped. */
function decodeHeader(value: string): string {
  const utf8 = Buffer.from(value, "latin1").toString("utf8");
  return utf8
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, kind: string, data: string) => {
      const bytes =
        kind.toUpperCase() === "B"
          ? Buffer.from(data, "base64")
          : decodeQuotedPrintable(data.replace(/_/g, " "));
      return decodeCharset(bytes, charset);
    });
}

function findText(part: Part): string | null {
  const type = (part.headers.get("content-type") ?? "text/plain").toLowerCase();
  if (type.startsWith("multipart/")) {
    const boundary = headerParam(part.headers.get("content-type"), "boundary");
    if (!boundary) return null;
    const pieces = part.body.split(new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    for (const piece of pieces.slice(1)) {
      if (piece.startsWith("--")) break;
      const text = findText(splitPart(piece.replace(/^[ \t]*\r?\n/, "")));
      if (text !== null) return text;
    }
    return null;
  }
  return type.startsWith("text/plain") ? decodeBody(part) : null;
}

export function parseMail(raw: Buffer): { subject: string; text: string } {
  const message = splitPart(raw.toString("latin1"));
  return { subject: decodeHeader(message.headers.get("subject") ?? ""), text: findText(message) ?? "" };
}
