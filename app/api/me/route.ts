import { NextResponse } from "next/server";
import { getViewer } from "@/lib/access";
import { isStaff } from "@/lib/roles";

/** The little the shared page chrome needs to know about the caller: signed in, and staff or not. */
export async function GET() {
  const viewer = await getViewer();
  return NextResponse.json(viewer ? { signedIn: true, staff: isStaff(viewer.role) } : { signedIn: false }, {
    headers: { "Cache-Control": "private, no-store", Vary: "Cookie" },
  });
}
