import { logger } from "@/lib/log";

const log = logger.child({ module: "csv" });

/**
 * CSV for spreadsheets (Excel, WPS): every field quoted (quotes doubled), so
 * commas, quotes and line breaks stay inside it; text that starts like a
 * formula (= + - @, tab, CR) gets a leading apostrophe, or the spreadsheet
 * would run it when the file is opened; CRLF line ends, and a byte-order mark
 * first so Chinese is read as UTF-8.
 */
export const CSV_BOM = "\uFEFF";

export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export const csvLine = (cells: readonly (string | number)[]): string => `${cells.map(csvCell).join(",")}\r\n`;

/** Lines from an async generator as a byte stream for a Response; a failure mid-way is logged and ends the stream with an error. */
export function csvStream(lines: AsyncGenerator<string>, label: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        log.error({ err: error, export: label }, "CSV export failed");
        controller.error(error);
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}
