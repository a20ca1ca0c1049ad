import "server-only";
import { randomBytes } from "node:crypto";
import { deleteObject, getObject, putObject } from "@/lib/storage";

/**
 * An uploaded reader list kept between its check (dry run) and 确认导入, so
 * the admin confirms the very file they checked without sending it twice.
 * The key is 128 random bits, the file belongs to the admin who uploaded it,
 * expires after an hour and is deleted once imported; the import checks it
 * again in full, so a staged file can never be imported unchecked.
 */
export type StagedImport = { fileName: string; csv: string; uploadedBy: string; uploadedAt: string };

const PREFIX = "reader-imports/";
export const STAGE_TTL_MS = 60 * 60 * 1000;
const isStageId = (id: string) => /^[0-9a-f]{32}$/.test(id);
const keyOf = (id: string) => `${PREFIX}${id}.json`;

export async function stageImport(input: { fileName: string; csv: string; uploadedBy: string }, now = new Date()): Promise<string> {
  const id = randomBytes(16).toString("hex");
  const staged: StagedImport = { ...input, fileName: input.fileName.slice(0, 200), uploadedAt: now.toISOString() };
  await putObject(keyOf(id), JSON.stringify(staged), "application/json");
  return id;
}

/** The staged file, only for the admin who uploaded it and only within the hour. */
export async function loadStagedImport(id: string, adminId: string, now = new Date()): Promise<StagedImport | null> {
  if (!isStageId(id)) return null;
  const object = await getObject(keyOf(id));
  if (!object) return null;
  try {
    const staged = JSON.parse(object.body.toString("utf8")) as StagedImport;
    if (staged.uploadedBy !== adminId) return null;
    if (now.getTime() - new Date(staged.uploadedAt).getTime() > STAGE_TTL_MS) {
      await deleteObject(keyOf(id));
      return null;
    }
    return staged;
  } catch {
    return null;
  }
}

export async function discardStagedImport(id: string): Promise<void> {
  if (isStageId(id)) await deleteObject(keyOf(id));
}
