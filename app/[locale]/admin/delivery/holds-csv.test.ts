import { describe, expect, it } from "vitest";
import { csvCell as csvField } from "@/lib/csv";
import { deliveryHoldsCsv, readShippingAddress } from "./holds-csv";

const hold = (over: Partial<{ email: string; name: string | null; shippingAddress: Record<string, unknown> | null }> = {}) => ({
  holdId: 1,
  email: "reader@demo.test",
  name: "读者",
  shippingAddress: { name: "王读者", address: { line1: "新华大街 1 号", line2: "3 单元", city: "呼和浩特", postal_code: "010000", country: "CN" } },
  startsOn: "2026-05-19",
  endsOn: "2026-05-25",
  ...over,
});

describe("delivery holds CSV", () => {
  it("starts with a BOM and the header, one CRLF row per held delivery, every field quoted", () => {
    const csv = deliveryHoldsCsv([
      { date: "2026-05-21", number: 1258, estimated: true, holds: [hold()] },
      { date: "2026-05-25", number: null, estimated: true, holds: [hold({ shippingAddress: null, name: null })] },
      { date: "2026-05-28", number: 1260, estimated: true, holds: [] },
    ]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toEqual([
      '"issue_date","issue_number","email","name","address_line1","city","postal_code","country","hold_starts","hold_ends"',
      '"2026-05-21","1258","reader@demo.test","王读者","新华大街 1 号 3 单元","呼和浩特","010000","CN","2026-05-19","2026-05-25"',
      '"2026-05-25","","reader@demo.test","","","","","","2026-05-19","2026-05-25"',
      "",
    ]);
  });

  it("keeps quotes, commas and line breaks inside a field and defuses formulas", () => {
    expect(csvField('新华"大街", 1号\n2楼')).toBe('"新华""大街"", 1号\n2楼"');
    expect(csvField("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("@SUM(A1)")).toBe('"\'@SUM(A1)"');
    expect(csvField(1258)).toBe('"1258"');
  });

  it("reads whatever address shape is stored without failing", () => {
    expect(readShippingAddress(null)).toMatchObject({ name: "", line1: "", city: "" });
    expect(readShippingAddress({ name: 3, address: "x" })).toMatchObject({ name: "", line1: "" });
  });
});
