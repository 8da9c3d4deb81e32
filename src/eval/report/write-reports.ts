import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { renderHtml } from "./render-html.ts";
import { renderMarkdown } from "./render-markdown.ts";
import type { Report } from "./report-schema.ts";

/** Writes report.json, report.md and report.html into `directory` (created when missing). */
export async function writeReports(report: Report, directory: string): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const files = {
    "report.json": `${JSON.stringify(report, null, 2)}\n`,
    "report.md": renderMarkdown(report),
    "report.html": renderHtml(report),
  };
  const written: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(directory, name);
    await writeFile(file, content);
    written.push(file);
  }
  return written;
}
