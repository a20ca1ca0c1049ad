import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const generated = () => ({ AUTH_SECRET: "g".repeat(43) });

describe("environment", () => {
  it("runs the demo with nothing set: PGlite in .data and a generated secret", () => {
    const env = parseEnv({}, generated);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.pgliteDir).toBe(".data/pglite");
    expect(env.AUTH_SECRET).toBe("g".repeat(43));
    expect(env.isRealProduction).toBe(false);
  });

  it("refuses to start in production on a real database without AUTH_SECRET, naming it", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x" }, generated)).toThrow(/Missing AUTH_SECRET/);
  });

  it("accepts production with its secrets given", () => {
    const env = parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x", AUTH_SECRET: "s".repeat(40) }, generated);
    expect(env.isRealProduction).toBe(true);
  });

  it("explains malformed values", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/x" }, generated)).toThrow(EnvError);
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/x" }, generated)).toThrow(/DATABASE_URL must be a postgres/);
    expect(() => parseEnv({ AUTH_SECRET: "short" }, generated)).toThrow(/AUTH_SECRET must be at least 32/);
    expect(() => parseEnv({ SMTP_URL: "http://mail" }, generated)).toThrow(/SMTP_URL/);
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }, generated).DATABASE_URL).toBeUndefined();
  });
});
