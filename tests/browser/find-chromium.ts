import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

/** Where Chromium or Chrome usually lives on Debian/Ubuntu, macOS and Windows. */
const USUAL_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/opt/google/chrome/chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
];

export const HOW_TO_ENABLE =
  "install Chromium (`apt-get install chromium`) or Chrome, or set CHROMIUM_PATH to a Chromium-based browser";

/** Where the browser tests found a browser, or why they cannot run. */
export type BrowserLookup = { path: string } | { missing: string };

/**
 * The browser to drive: `CHROMIUM_PATH` when set (it must exist), else the first of the usual
 * install paths or Playwright's own download that exists.
 */
export function findChromium(
  environment: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): BrowserLookup {
  const configured = environment.CHROMIUM_PATH?.trim();
  if (configured) {
    return exists(configured)
      ? { path: configured }
      : { missing: `CHROMIUM_PATH=${configured} does not exist` };
  }
  const candidates = [...USUAL_PATHS, playwrightDownload()].filter(
    (candidate): candidate is string => candidate !== undefined,
  );
  const found = candidates.find((candidate) => exists(candidate));
  return found === undefined
    ? {
        missing: `no Chromium or Chrome found (looked in ${USUAL_PATHS.slice(0, 5).join(", ")}, …)`,
      }
    : { path: found };
}

/** The browser `npx playwright install chromium` would have downloaded, if any. */
function playwrightDownload(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/**
 * Whether the browser suite should be skipped: only when no browser is found and this is not CI.
 * Under `CI=true` a missing browser is a failure (the suite runs and its launch says why).
 */
export function skipBrowserSuite(lookup: BrowserLookup, environment = process.env): boolean {
  if ("path" in lookup) return false;
  if (environment.CI === "true") return false;
  console.warn(`Skipping the browser tests: ${lookup.missing}; to run them, ${HOW_TO_ENABLE}.`);
  return true;
}
