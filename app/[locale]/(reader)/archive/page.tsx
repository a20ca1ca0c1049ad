import { connection } from "next/server";
import { redirect } from "next/navigation";
import { todayInPaperZone } from "@/lib/dates";

/** 往期回顾 opens on the current month in the paper's time zone. */
export default async function ArchiveIndex() {
  await connection();
  redirect(`/archive/${todayInPaperZone().slice(0, 7)}`);
}
