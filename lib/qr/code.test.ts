import { describe, expect, it } from "vitest";
import { generateQrCode, normalizeQrCode, QR_ALPHABET, shortUrl } from "./code";

describe("QR short codes", () => {
  it("uses an alphabet of 31 symbols without look-alikes", () => {
    expect(QR_ALPHABET).toHaveLength(31);
    expect(new Set(QR_ALPHABET).size).toBe(31);
    for (const lookAlike of "0O1lIi") expect(QR_ALPHABET).not.toContain(lookAlike);
  });

  it("generates random codes of the asked length from the alphabet", () => {
    const codes = new Set(Array.from({ length: 2000 }, () => generateQrCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${QR_ALPHABET}]{7}$`));
    expect(generateQrCode(6)).toHaveLength(6);
    expect(generateQrCode(8)).toHaveLength(8);
    expect(() => generateQrCode(5)).toThrow(RangeError);
    expect(() => generateQrCode(9)).toThrow(RangeError);
  });

  it("normalises case and whitespace, and rejects look-alikes, wrong lengths and tricks", () => {
    expect(normalizeQrCode(" ab3cd7f ")).toBe("AB3CD7F");
    expect(normalizeQrCode("AB3CD7")).toBe("AB3CD7");
    expect(normalizeQrCode("AB3CD7FG")).toBe("AB3CD7FG");
    for (const bad of ["AB0CD7F", "ABOCD7F", "AB1CD7F", "ABlCD7F", "ABICD7F", "abicd7f", "AB3CD", "AB3CD7FGH", "", "../admin", "AB3 CD7F", "AB3CD7F%00", "Ａ B3CD7F", "x".repeat(10_000)]) {
      expect(normalizeQrCode(bad)).toBeNull();
    }
  });

  it("builds the printed short URL", () => {
    expect(shortUrl("AB3CD7F", "https://e.caixinbao.cn/")).toBe("https://e.caixinbao.cn/q/AB3CD7F");
    expect(shortUrl("AB3CD7F", "http://localhost:3000")).toBe("http://localhost:3000/q/AB3CD7F");
  });
});
