import { mkdir } from "node:fs/promises";
import type { Server } from "node:http";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { stopServer } from "../../src/server/start-server.ts";
import { projectRoot } from "../support/project-root.ts";
import {
  type AnswerRender,
  launchChromium,
  letters,
  RECORD_ANSWER_RENDERS,
  settledBubble,
  startChatServer,
} from "./browser-harness.ts";
import { findChromium, skipBrowserSuite } from "./find-chromium.ts";

const BROWSER = findChromium();

const SCREENSHOT = path.join(projectRoot, "test-results", "chat-page.png");

type ChatRequestBody = {
  message: string;
  stream?: boolean;
  history?: { role: string; content: string }[];
};

/**
 * The chat page in a real Chromium against the real server and index: one conversation, in
 * order, as a learner would have it.
 */
describe.skipIf(skipBrowserSuite(BROWSER))("chat page", () => {
  let server: Server | undefined;
  let url: string;
  let browser: Browser | undefined;
  let page: Page;
  const problems: string[] = [];
  const chatRequests: ChatRequestBody[] = [];

  beforeAll(async () => {
    // Fails here, with the install hint, when no browser is found under CI=true.
    browser = await launchChromium(BROWSER);
    ({ server, url } = await startChatServer(inject("sharedIndexDir")));
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(15_000);
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/api/chat") {
        chatRequests.push(request.postDataJSON() as ChatRequestBody);
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (server !== undefined) await stopServer(server, 1000);
  });

  it("shows the product, the starter questions and the index status", async () => {
    await page.goto(url);
    expect(await page.title()).toBe("ML Roadmap Study Assistant");
    await page.getByRole("heading", { name: "ML Roadmap Study Assistant" }).waitFor();
    const starters = page.locator("button.starter");
    expect(await starters.count()).toBeGreaterThanOrEqual(3);
    await page.getByRole("button", { name: "Which hyperparameters matter for XGBoost?" }).waitFor();
    await page.locator('#status[data-state="ok"]').waitFor();
    expect(await page.locator("#status").textContent()).toMatch(/^\d+ passages indexed · answers /);
    expect(await page.getByRole("log").count()).toBe(1);
  });

  it("streams an answer typed and sent with Enter, with citation buttons", async () => {
    await page.evaluate(RECORD_ANSWER_RENDERS);
    const question = page.getByLabel("Your question");
    await question.fill("Which projects should I build for my portfolio?");
    await question.press("Enter");

    const bubble = await settledBubble(page, 0);
    expect(await bubble.getAttribute("data-state")).toBe("done");
    expect(await bubble.getAttribute("data-refused")).toBe("false");
    const answer = (await bubble.locator(".answer-body").textContent()) ?? "";
    expect(answer.trim().length).toBeGreaterThan(40);
    expect(await bubble.locator("button.citation").count()).toBeGreaterThanOrEqual(1);
    // The starters make way for the conversation; the box is empty and ready for the next one.
    expect(await page.locator("#welcome").isVisible()).toBe(false);
    expect(await question.inputValue()).toBe("");

    // Streaming really happened: the body showed partial text before the final answer replaced it.
    const renders = (await page.evaluate<AnswerRender[]>("window.__answerRenders")).filter(
      (render) => render.bubble === 0 && render.text.trim() !== "",
    );
    expect(renders.at(-1)?.text).toBe(answer);
    const partial = renders.filter((render) => render.text.length < answer.length);
    expect(partial.length, "renders before the final answer").toBeGreaterThanOrEqual(1);
    expect(answer.startsWith(partial[0]?.text.trimEnd() ?? "\u0000")).toBe(true);

    expect(chatRequests[0]).toEqual({
      message: "Which projects should I build for my portfolio?",
      history: [],
      stream: true,
    });
  });

  it("opens a cited passage in a dialog that Escape closes, returning focus to the marker", async () => {
    const citation = page.locator(".message--assistant").nth(0).locator("button.citation").first();
    const label = (await citation.getAttribute("aria-label")) ?? "";
    expect(label).toMatch(/^Source \d+: \S/);
    const section = label.replace(/^Source \d+: /, "");
    const chunkId = (await citation.getAttribute("data-chunk-id")) ?? "";
    const sourceResponse = await fetch(`${url}/api/sources/${encodeURIComponent(chunkId)}`);
    expect(sourceResponse.status).toBe(200);
    const source = (await sourceResponse.json()) as {
      source: string;
      section: string;
      text: string;
    };
    expect(source.section).toBe(section);

    await citation.click();
    const dialog = page.locator("dialog#source-dialog");
    await dialog.waitFor({ state: "visible" });
    expect(await dialog.getAttribute("open")).not.toBeNull();
    const shown = (await dialog.textContent()) ?? "";
    for (const part of section.split(" > ")) expect(shown).toContain(part);
    expect(shown).toContain(source.source);
    expect(letters(shown)).toContain(letters(source.text));

    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    const focused = await page.evaluate<string | null>(
      "document.activeElement?.matches('button.citation') ? document.activeElement.getAttribute('aria-label') : null",
    );
    expect(focused).toBe(label);
  });

  it("keeps the conversation for a follow-up question", async () => {
    await page.getByLabel("Your question").fill("Which hyperparameters matter for XGBoost?");
    await page.getByRole("button", { name: "Send" }).click();
    const first = await settledBubble(page, 1);
    expect(await first.getAttribute("data-state")).toBe("done");
    const firstAnswer = (await first.locator(".answer-body").textContent()) ?? "";
    expect(firstAnswer).toContain("XGBoost");

    await page.getByLabel("Your question").fill("what about LightGBM?");
    await page.getByLabel("Your question").press("Enter");
    const followUp = await settledBubble(page, 2);
    expect(await followUp.getAttribute("data-state")).toBe("done");
    const answer = (await followUp.locator(".answer-body").textContent()) ?? "";
    expect(answer).toContain("LightGBM");
    expect(answer).toContain("num_leaves");
    expect(await followUp.locator(".message__searched").textContent()).toContain(
      "Searched for: Which hyperparameters matter for LightGBM?",
    );

    // The previous turns went along: questions as looked up (standalone), answers as given.
    const request = chatRequests.at(-1);
    expect(request?.message).toBe("what about LightGBM?");
    expect(request?.history?.map((turn) => turn.role)).toEqual([
      "user",
      "assistant",
      "user",
      "assistant",
    ]);
    expect(request?.history?.[2]).toEqual({
      role: "user",
      content: "Which hyperparameters matter for XGBoost?",
    });
    expect(request?.history?.[3]?.content).toContain("XGBoost");
    expect(request?.history?.[3]?.content).toMatch(/\[\d+\]/);
  });

  it("opens an answer's sources right under their toggle, above what comes after", async () => {
    const bubble = page.locator(".message--assistant").nth(1);
    const toggle = bubble.getByRole("button", { name: /^Sources \(\d+\)$/ });
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    const list = bubble.locator(".sources__list");
    await list.waitFor({ state: "visible" });
    const box = async (selector: string) => {
      const found = await bubble.locator(selector).first().boundingBox();
      if (found === null) throw new Error(`${selector} is not shown`);
      return found;
    };
    const [opener, sources, suggestions, copy] = [
      await box(".sources__toggle"),
      await box(".sources__list"),
      await box(".suggestions"),
      await box("button.copy"),
    ];
    // Next below the toggle (the footer's row gap apart), and before the suggestions and Copy.
    expect(sources.y - (opener.y + opener.height)).toBeGreaterThanOrEqual(0);
    expect(sources.y - (opener.y + opener.height)).toBeLessThan(16);
    expect(sources.y + sources.height).toBeLessThanOrEqual(suggestions.y);
    expect(sources.y + sources.height).toBeLessThanOrEqual(copy.y);
    await toggle.click();
    await list.waitFor({ state: "hidden" });
  });

  it("marks an off-topic question as not covered", async () => {
    await page.getByLabel("Your question").fill("What are the H-1B visa requirements?");
    await page.getByLabel("Your question").press("Enter");
    const bubble = await settledBubble(page, 3);
    expect(await bubble.getAttribute("data-refused")).toBe("true");
    expect(await bubble.textContent()).toContain("Not covered by the material");
    expect(await bubble.locator("button.citation").count()).toBe(0);
    // The refusal offers questions the material does cover, as buttons.
    const suggestions = bubble.locator("button.suggestion");
    expect(await suggestions.count()).toBeGreaterThan(0);

    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    const suggestion = (await suggestions.first().textContent()) ?? "";
    await suggestions.first().click();
    await settledBubble(page, 4);
    expect(chatRequests.at(-1)?.message).toBe(suggestion);
    // A suggestion is written to stand alone: it is not sent as a follow-up of the conversation.
    expect(chatRequests.at(-2)?.history?.length ?? 0).toBeGreaterThan(0);
    expect(chatRequests.at(-1)?.history ?? []).toEqual([]);
  });

  it("shows what a casually typed question was searched as", async () => {
    await page.getByLabel("Your question").fill("which cert shud i get tbh");
    await page.getByLabel("Your question").press("Enter");
    const bubble = await settledBubble(page, 5);
    expect(await bubble.textContent()).toContain("Searched for: which certification should i get");
    expect(await bubble.getAttribute("data-refused")).toBe("false");
    // An answer offers what to ask next, as buttons.
    const next = bubble.getByRole("list", { name: "Ask next" }).locator("button.suggestion");
    expect(await next.count()).toBeGreaterThan(0);
  });

  it("replies to a thank-you without marking it as not covered", async () => {
    await page.getByLabel("Your question").fill("thanks, got it");
    await page.getByLabel("Your question").press("Enter");
    const bubble = await settledBubble(page, 6);
    expect(await bubble.getAttribute("data-refused")).toBe("false");
    expect(await bubble.textContent()).toContain("Glad to help.");
    expect(await bubble.textContent()).not.toContain("Not covered by the material");
    // "thanks" is filler for search, but nothing was searched: no "Searched for: got it".
    expect(await bubble.textContent()).not.toContain("Searched for");
  });

  it("keeps the conversation across a reload, history included", async () => {
    const shown = () => page.locator(".message").allTextContents();
    const before = await shown();
    expect(before).toHaveLength(14);
    await page.reload();
    await page.locator('#status[data-state="ok"]').waitFor();
    expect(await shown()).toEqual(before);
    expect(await page.locator("#welcome").isVisible()).toBe(false);
    // Restored answers work as before: markers open their passage.
    await page.locator(".message--assistant").nth(1).locator("button.citation").first().click();
    await page.locator("dialog#source-dialog").waitFor({ state: "visible" });
    await page.keyboard.press("Escape");

    // The next question still carries the earlier turns.
    await page.getByLabel("Your question").fill("Which tools are used for MLOps?");
    await page.getByLabel("Your question").press("Enter");
    await settledBubble(page, 7);
    const history = chatRequests.at(-1)?.history ?? [];
    expect(history).toHaveLength(10);
    expect(history.at(-2)?.role).toBe("user");
    expect(history.at(-1)).toMatchObject({ role: "assistant" });
    expect(history.at(-1)?.content).toContain("Glad to help.");
  });

  it("starts a new conversation with an empty history", async () => {
    await page.getByRole("button", { name: "New conversation" }).click();
    expect(await page.locator(".message").count()).toBe(0);
    await page.getByRole("button", { name: "Do I need a GPU to learn machine learning?" }).click();
    const bubble = await settledBubble(page, 0);
    expect(await bubble.getAttribute("data-state")).toBe("done");
    expect(chatRequests.at(-1)).toEqual({
      message: "Do I need a GPU to learn machine learning?",
      history: [],
      stream: true,
    });
    // What was forgotten stays forgotten after a reload.
    await page.reload();
    await page.locator('#status[data-state="ok"]').waitFor();
    expect(await page.locator(".message--user").allTextContents()).toEqual([
      "You asked:Do I need a GPU to learn machine learning?",
    ]);
  });

  it("logged no console errors and no page errors", () => {
    expect(problems).toEqual([]);
  });

  it("counts a long message against the server's limit, never cutting it", async () => {
    const health = (await (await fetch(`${url}/api/health`)).json()) as {
      limits?: { questionChars?: number };
    };
    expect(health.limits).toEqual({ questionChars: 2000 });
    const longPage = await (browser as Browser).newPage();
    const sent: string[] = [];
    longPage.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/chat") sent.push(request.url());
    });
    try {
      await longPage.goto(url);
      await longPage.locator('#status[data-state="ok"]').waitFor();
      const question = longPage.getByLabel("Your question");
      const counter = longPage.locator("#composer-count");
      const problem = longPage.locator("#composer-error");
      // A pasted paragraph with the question at its end: 5,610 characters, all kept.
      const context = "I have been reading about models and tools for months now. ".repeat(94);
      const long = `${context}Which hyperparameters matter most when I tune XGBoost on tables?`;
      await question.fill(long);
      expect(await question.inputValue()).toBe(long);
      expect(await counter.textContent()).toBe("5,610 / 2,000 characters");
      expect(await problem.textContent()).toBe(
        "Your message is 5,610 characters; the limit is 2,000. Shorten it, keeping your question and only the context it needs.",
      );
      expect(await question.getAttribute("aria-invalid")).toBe("true");
      expect(await longPage.getByRole("button", { name: "Send" }).isDisabled()).toBe(true);
      await question.press("Enter");
      expect(await longPage.locator(".message").count()).toBe(0);
      expect(await question.inputValue()).toBe(long);

      // Near the limit: the counter only; well under it: neither.
      await question.fill("x".repeat(1700));
      expect(await counter.textContent()).toBe("1,700 / 2,000 characters");
      expect(await problem.isVisible()).toBe(false);
      expect(await longPage.getByRole("button", { name: "Send" }).isDisabled()).toBe(false);
      await question.fill("Which hyperparameters matter for XGBoost?");
      expect(await counter.isVisible()).toBe(false);
      expect(await question.getAttribute("aria-invalid")).toBeNull();
      expect(sent).toEqual([]);

      // The limit is the one the server names.
      await longPage.route("**/api/health", async (route) => {
        const served = (await (await route.fetch()).json()) as object;
        await route.fulfill({ json: { ...served, limits: { questionChars: 500 } } });
      });
      await longPage.reload();
      await longPage.locator('#status[data-state="ok"]').waitFor();
      await question.fill("y".repeat(600));
      expect(await counter.textContent()).toBe("600 / 500 characters");
    } finally {
      await longPage.close();
    }
  });

  it("says when to try again after a rate limit, and keeps the question", async () => {
    const limitedPage = await (browser as Browser).newPage();
    try {
      await limitedPage.route("**/api/chat", (route) =>
        route.fulfill({
          status: 429,
          headers: { "Retry-After": "1" },
          contentType: "application/json",
          body: JSON.stringify({
            error: {
              code: "rate_limited",
              message: "too many requests: the limit is 3 per minute per client; retry later",
            },
          }),
        }),
      );
      await limitedPage.goto(url);
      const question = limitedPage.getByLabel("Your question");
      await question.fill("What is DVC used for?");
      await question.press("Enter");
      const bubble = await settledBubble(limitedPage, 0);
      expect(await bubble.getAttribute("data-state")).toBe("error");
      expect(await bubble.locator(".note--error").textContent()).toBe(
        "Too many questions in a short time: the server takes only so many a minute. You can try again in 1 second. Your question is back in the box below.",
      );
      expect(await question.inputValue()).toBe("What is DVC used for?");
      const retry = bubble.getByRole("button", { name: "Try again" });
      expect(await retry.isDisabled()).toBe(true);
      expect(await retry.textContent()).toBe("Try again in 1 s");

      // Once the wait is over, Try again asks the same question; the box is emptied for it.
      await limitedPage.unroute("**/api/chat");
      await bubble.locator("button:not([disabled])", { hasText: /^Try again$/ }).waitFor();
      await retry.click();
      const answered = await settledBubble(limitedPage, 0);
      expect(await answered.getAttribute("data-state")).toBe("done");
      expect(await limitedPage.locator(".message--user").count()).toBe(1);
      expect(await question.inputValue()).toBe("");
    } finally {
      await limitedPage.close();
    }
  });

  it("ignores a damaged or foreign stored conversation, and keeps at most 30 exchanges", async () => {
    const freshPage = await (browser as Browser).newPage();
    const errors: string[] = [];
    freshPage.on("pageerror", (error) => errors.push(error.message));
    const key = "study-assistant.conversation";
    const exchange = (n: number) => ({
      message: `question ${n}`,
      answer: { answer: `answer ${n}`, refused: false, citations: [] },
    });
    // Page scripts as text: the tests are type-checked without the DOM's types.
    const store = (value: string) =>
      freshPage.evaluate(
        `sessionStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(value)})`,
      );
    const stored = () =>
      freshPage.evaluate<string | null>(`sessionStorage.getItem(${JSON.stringify(key)})`);
    try {
      await freshPage.goto(url);
      for (const value of [
        "{not json",
        JSON.stringify({ format: 99, exchanges: [exchange(1)] }),
        JSON.stringify({ format: 1, exchanges: [{ message: 1, answer: { answer: "x" } }] }),
        JSON.stringify([exchange(1)]),
      ]) {
        await store(value);
        await freshPage.reload();
        // Set once the page's scripts have run (after any restoring).
        await freshPage.locator('#status[data-state="ok"]').waitFor();
        expect(await freshPage.locator(".message").count(), value).toBe(0);
        expect(await freshPage.locator("#welcome").isVisible()).toBe(true);
        expect(await stored(), value).toBeNull();
      }
      const many = Array.from({ length: 40 }, (_, n) => exchange(n));
      await store(JSON.stringify({ format: 1, exchanges: many }));
      await freshPage.reload();
      await freshPage.locator(".message--assistant").first().waitFor();
      const questions = await freshPage.locator(".message--user .message__text").allTextContents();
      expect(questions).toHaveLength(30);
      expect(questions[0]).toBe("question 10");
      expect(questions.at(-1)).toBe("question 39");
      expect(errors).toEqual([]);
    } finally {
      await freshPage.close();
    }
  });

  it("shows a clear message for an HTTP error and for a network failure", async () => {
    // A page of its own: failed requests log console errors that the page above must not have.
    const errorPage = await (browser as Browser).newPage();
    try {
      await errorPage.route("**/api/chat", (route) =>
        route.fulfill({
          status: 400,
          contentType: "application/json",
          body: JSON.stringify({
            error: { code: "invalid_question", message: "the question is too vague" },
          }),
        }),
      );
      await errorPage.goto(url);
      await errorPage.getByLabel("Your question").fill("anything");
      await errorPage.getByLabel("Your question").press("Enter");
      const rejected = await settledBubble(errorPage, 0);
      expect(await rejected.getAttribute("data-state")).toBe("error");
      expect(await rejected.textContent()).toContain("the question is too vague");

      await errorPage.unroute("**/api/chat");
      await errorPage.route("**/api/chat", (route) => route.abort("connectionrefused"));
      await errorPage.getByLabel("Your question").fill("anything else");
      await errorPage.getByLabel("Your question").press("Enter");
      const unreachable = await settledBubble(errorPage, 1);
      expect(await unreachable.getAttribute("data-state")).toBe("error");
      expect(await unreachable.textContent()).toContain("Could not reach the study assistant");
      expect(await unreachable.getByRole("button", { name: "Try again" }).count()).toBe(1);
      // The composer is usable again.
      expect(await errorPage.getByRole("button", { name: "Stop" }).isVisible()).toBe(false);
    } finally {
      await errorPage.close();
    }
  });
});
