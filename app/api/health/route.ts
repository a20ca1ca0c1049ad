import { sql } from "drizzle-orm";
import { NextResponse } from "next/server";
import { dbDriver, getDb } from "@/db/client";
import { EnvError } from "@/lib/env";
import { logger } from "@/lib/log";

const log = logger.child({ module: "health" });

export const dynamic = "force-dynamic";

/** Liveness plus a database round trip, for load balancers and uptime checks. */
export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return NextResponse.json({ status: "ok", database: await dbDriver() }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // A configuration error is not an outage: say which, without details a visitor shouldn't see.
    const misconfigured = error instanceof EnvError;
    if (misconfigured) log.error(error.message);
    return NextResponse.json(
      { status: misconfigured ? "misconfigured" : "degraded", database: misconfigured ? "unknown" : "down" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
