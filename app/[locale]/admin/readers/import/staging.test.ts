import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/db/testing/fresh-database";
import { discardStagedImport, loadStagedImport, stageImport, STAGE_TTL_MS } from "./staging";

describe("a reader list kept between its check and 确认导入", () => {
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ drop } = await freshDatabase());
  });
  afterAll(async () => drop());

  it("is given back only to the admin who uploaded it, within the hour, until discarded", async () => {
    const now = new Date("2026-05-01T02:00:00Z");
    const id = await stageImport({ fileName: "名单.csv", csv: "email,name,comp_until,note\r\na@b.cn,,,\r\n", uploadedBy: "admin-1" }, now);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await loadStagedImport(id, "admin-1", now)).toMatchObject({ fileName: "名单.csv", uploadedBy: "admin-1" });
    expect(await loadStagedImport(id, "admin-2", now)).toBeNull();
    expect(await loadStagedImport("../../secrets", "admin-1", now)).toBeNull();
    expect(await loadStagedImport(id, "admin-1", new Date(now.getTime() + STAGE_TTL_MS + 1))).toBeNull();
    // Expired means gone, not just hidden.
    expect(await loadStagedImport(id, "admin-1", now)).toBeNull();

    const other = await stageImport({ fileName: "x.csv", csv: "x", uploadedBy: "admin-1" }, now);
    await discardStagedImport(other);
    expect(await loadStagedImport(other, "admin-1", now)).toBeNull();
  });
});
