import type { Server } from "node:http";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { Assistant } from "../../src/answer/assistant.ts";
import { UseEmbedder } from "../../src/embedders/use-embedder.ts";
import { loadIndex } from "../../src/index/index-store.ts";
import { createApp } from "../../src/server/app.ts";
import { startServer } from "../../src/server/start-server.ts";

import { type BrowserLookup, HOW_TO_ENABLE } from "./find-chromium.ts";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Launches the browser found with a fresh profile; fails with the install hint when there is none. */
export async function launchChromium(lookup: BrowserLookup): Promise<Browser> {
  if ("missing" in lookup) {
    throw new Error(`The browser tests need Chromium: ${lookup.missing}; ${HOW_TO_ENABLE}.`);
  }
  return chromium.launch({ executablePath: lookup.path, args: CHROMIUM_ARGS });
}

/** The real HTTP server over the shared, prebuilt index, on a free port. */
export async function startChatServer(indexDir: string): Promise<{ server: Server; url: string }> {
  const embedder = new UseEmbedder();
  const index = await loadIndex(indexDir, embedder);
  const assistant = new Assistant({ index, embedder });
  return startServer(createApp({ assistant, embedder }), { host: "127.0.0.1", port: 0 });
}

/**
 * Page script: records the text of every render of an answer body. The page replaces an answer's
 * children on each `text-delta` and once more with the final answer, and every such mutation
 * record keeps the nodes it added, so the partial texts survive even when several SSE frames are
 * handled in one task. Read back with `window.__answerRenders`.
 */
export const RECORD_ANSWER_RENDERS = `(() => {
  window.__answerRenders = [];
  const log = document.getElementById("log");
  new MutationObserver((records) => {
    for (const record of records) {
      if (!(record.target instanceof Element) || record.addedNodes.length === 0) continue;
      const body = record.target.closest(".answer-body");
      if (body === null) continue;
      const bubbles = [...document.querySelectorAll(".message--assistant")];
      const bubble = bubbles.indexOf(body.closest(".message--assistant"));
      const text = [...record.addedNodes].map((node) => node.textContent).join("");
      window.__answerRenders.push({ bubble, text });
    }
  }).observe(log, { childList: true, subtree: true });
})()`;

export type AnswerRender = { bubble: number; text: string };

/** Waits until the assistant bubble number `position` (0-based) has settled, and returns it. */
export async function settledBubble(page: Page, position: number): Promise<Locator> {
  const bubble = page.locator(".message--assistant").nth(position);
  await bubble.waitFor({ state: "attached", timeout: 10_000 });
  await page
    .locator('.message--assistant:not([data-state="pending"]):not([data-state="streaming"])')
    .nth(position)
    .waitFor({ timeout: 20_000 });
  return bubble;
}

/** Only letters and digits, lower-cased: compares texts whatever their layout or punctuation. */
export function letters(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}
