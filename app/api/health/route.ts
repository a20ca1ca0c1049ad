import { sql } from "drizzle-orm";
import { NextResponse } from "next/server";
import { dbDriver, getDb } from "@/db/client";

export const dynamic = "force-dynamic";

/** Liveness plus a database round trip, for load balancers and uptime checks. */
export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return NextResponse.json({ status: "ok", database: await dbDriver() }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return NextResponse.json({ status: "degraded", database: "down" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
