import { mkdir, readFile } from "node:fs/promises";
import type { Server } from "node:http";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Assistant } from "../../src/answer/assistant.ts";
import { loadConfig } from "../../src/config.ts";
import { createLearnerProgress, createProgressStore } from "../../src/create-services.ts";
import { UseEmbedder } from "../../src/embedders/use-embedder.ts";
import { loadIndex } from "../../src/index/index-store.ts";
import { createApp } from "../../src/server/app.ts";
import { startServer, stopServer } from "../../src/server/start-server.ts";
import type { ProgressStore } from "../../src/study/progress/progress-store.ts";
import { projectRoot } from "../support/project-root.ts";
import { TempDir } from "../support/temp-dir.ts";
import { launchChromium, letters } from "./browser-harness.ts";
import { findChromium, skipBrowserSuite } from "./find-chromium.ts";

const BROWSER = findChromium();

const SCREENSHOTS = path.join(projectRoot, "test-results");

/** Where the page keeps the anonymous learner id (public/study-learner.js). */
const LEARNER_KEY = "study-assistant.learner-id";

type StepJson = { n: number; title: string; months: { value: string } };
type CardJson = {
  id: string;
  kind: string;
  prompt: string;
  answer: string;
  from: { text: string };
};

/** One letter of the answer's longest word changed (a typo the grader forgives). */
function withTypo(answer: string): string {
  const words = answer.split(" ");
  const longest = words.reduce((best, word) => (word.length > best.length ? word : best), "");
  const at = Math.floor(longest.length / 2);
  const letter = longest[at] === "x" ? "z" : "x";
  const changed = `${longest.slice(0, at)}${letter}${longest.slice(at + 1)}`;
  return words.map((word) => (word === longest ? changed : word)).join(" ");
}

/**
 * The Study view in a real Chromium against the real server, index and a SQLite progress store
 * in a temporary folder: one page, in order, as a learner would use it.
 */
describe.skipIf(skipBrowserSuite(BROWSER))("study view", () => {
  let server: Server | undefined;
  let store: ProgressStore | undefined;
  let temp: TempDir | undefined;
  let url: string;
  let browser: Browser | undefined;
  let page: Page;
  const problems: string[] = [];
  let steps: StepJson[];
  let cards: CardJson[];

  const api = async <T>(pathname: string, init?: RequestInit): Promise<T> => {
    const response = await fetch(`${url}${pathname}`, init);
    expect(response.ok, `${pathname}: HTTP ${response.status}`).toBe(true);
    return (await response.json()) as T;
  };

  /** Moves the deck to card `index` (0-based) with its Previous/Next buttons. */
  const goToCard = async (index: number) => {
    for (;;) {
      const count = (await page.locator(".deck__count").textContent()) ?? "";
      const current = Number(/^Card (\d+) of/.exec(count)?.[1]) - 1;
      if (current === index) return;
      await page.getByRole("button", { name: current < index ? "Next" : "Previous" }).click();
      await page
        .locator(".deck__count", { hasText: `Card ${current + (current < index ? 2 : 0)} of` })
        .waitFor();
    }
  };

  beforeAll(async () => {
    // Fails here, with the install hint, when no browser is found under CI=true.
    browser = await launchChromium(BROWSER);
    temp = await TempDir.create("study-assistant-study-page-");
    const embedder = new UseEmbedder();
    const index = await loadIndex(inject("sharedIndexDir"), embedder);
    store = createProgressStore(loadConfig({ DATA_DIR: temp.join("data") }));
    const app = createApp({
      assistant: new Assistant({ index, embedder }),
      embedder,
      progress: createLearnerProgress(store, () => index.chunks),
    });
    ({ server, url } = await startServer(app, { host: "127.0.0.1", port: 0 }));
    steps = (await api<{ steps: StepJson[] }>("/api/study/steps")).steps;
    cards = (await api<{ cards: CardJson[] }>("/api/study/steps/5/cards")).cards;
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    if (server !== undefined) await stopServer(server, 1000);
    await store?.close();
    await temp?.remove();
  });

  it("reaches and opens the Study tab with the keyboard", async () => {
    await page.goto(url);
    const chat = page.getByRole("tab", { name: "Chat" });
    const study = page.getByRole("tab", { name: "Study" });
    expect(await chat.getAttribute("aria-selected")).toBe("true");
    // Skip link, then the selected tab: the only tab in the Tab order.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate<string | undefined>("document.activeElement?.id")).toBe("tab-chat");
    const outline = await page.evaluate<string>(
      "getComputedStyle(document.activeElement).outlineStyle",
    );
    expect(outline, "visible focus").not.toBe("none");
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate<string | undefined>("document.activeElement?.id")).toBe("tab-study");
    expect(await study.getAttribute("aria-selected")).toBe("true");
    expect(await study.getAttribute("tabindex")).toBe("0");
    expect(await chat.getAttribute("tabindex")).toBe("-1");
    expect(await page.getByRole("tabpanel", { name: "Study" }).isVisible()).toBe(true);
    expect(await page.locator("#chat-panel").isVisible()).toBe(false);
    // Home goes back to Chat, Enter on Study (a button) selects it again.
    await page.keyboard.press("Home");
    expect(await chat.getAttribute("aria-selected")).toBe("true");
    await study.focus();
    await page.keyboard.press("Enter");
    expect(await study.getAttribute("aria-selected")).toBe("true");
  });

  it("lists every step with its months and a done checkbox", async () => {
    expect(steps).toHaveLength(7);
    const items = page.locator("#study-steps > li");
    await items.nth(6).waitFor();
    expect(await items.count()).toBe(7);
    for (const [position, step] of steps.entries()) {
      const text = (await items.nth(position).textContent()) ?? "";
      expect(text).toContain(`Step ${step.n}`);
      expect(text).toContain(step.months.value);
      expect(text).toContain(step.title);
      expect(await page.getByRole("checkbox", { name: `Step ${step.n} done` }).isChecked()).toBe(
        false,
      );
    }
    expect(await page.locator("#study-summary").textContent()).toBe("0 of 7 steps done");
  });

  it("opens a step's guide with citations that open their passage", async () => {
    await page.getByRole("button", { name: /^Step 5 / }).click();
    const guide = page.locator("#study-guide");
    await guide.getByRole("heading", { name: /^Step 5: / }).waitFor();
    expect(await guide.locator("h3", { hasText: "Key ideas" }).count()).toBe(1);
    expect(await guide.locator("li").count()).toBeGreaterThan(5);
    // Bold from the Markdown is an element, never literal asterisks.
    expect(await guide.textContent()).not.toContain("**");
    const guideJson = await api<{ citations: { n: number; section: string; text: string }[] }>(
      "/api/study/steps/5/guide",
    );
    const markers = guide.locator("button.citation");
    expect(await markers.count()).toBeGreaterThanOrEqual(guideJson.citations.length);
    const first = guideJson.citations[0];
    await markers.first().click();
    const dialog = page.locator("dialog#source-dialog");
    await dialog.waitFor({ state: "visible" });
    expect(letters((await dialog.textContent()) ?? "")).toContain(letters(first?.text ?? "?"));
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await page.screenshot({ path: path.join(SCREENSHOTS, "study-page.png") });
  });

  it("flips a flashcard with the button and the keyboard", async () => {
    await page.getByRole("tab", { name: "Flashcards" }).click();
    const card = page.locator(".flashcard");
    await card.waitFor();
    expect(await page.locator(".deck__count").textContent()).toContain(`of ${cards.length}`);
    expect(await card.locator(".flashcard__prompt").textContent()).toBe(cards[0]?.prompt);
    await page.getByRole("button", { name: "Show answer" }).click();
    await page.locator('.flashcard[data-flipped="true"]').waitFor();
    expect(await card.locator(".flashcard__expected").textContent()).toBe(cards[0]?.answer);
    // The flip button keeps the focus: Space turns the card back.
    await page.keyboard.press("Space");
    await page.locator('.flashcard[data-flipped="false"]').waitFor();
    expect(await page.getByRole("button", { name: "Show answer" }).count()).toBe(1);
  });

  it("grades a typed answer: right with a typo, wrong when wrong; reviews are recorded", async () => {
    const typed = cards
      .map((card, index) => ({ card, index }))
      .filter(({ card }) => card.kind !== "choice" && /^[A-Za-z][\w ]{5,30}$/.test(card.answer));
    // The first typed card whose answer with a typo the grader forgives (some typos name another
    // value of the same column, which is rightly wrong).
    let chosen: { card: CardJson; index: number; typo: string } | undefined;
    for (const candidate of typed) {
      const typo = withTypo(candidate.card.answer);
      const grade = await api<{ correct: boolean }>(
        `/api/study/cards/${candidate.card.id}/answer`,
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ answer: typo }),
        },
      );
      if (grade.correct && typo !== candidate.card.answer) {
        chosen = { ...candidate, typo };
        break;
      }
    }
    expect(
      chosen,
      "a typed card whose answer with one letter changed is graded correct",
    ).toBeDefined();
    const { card, index, typo } = chosen as NonNullable<typeof chosen>;

    await goToCard(index);
    const face = page.locator(".flashcard");
    expect(await face.locator(".flashcard__prompt").textContent()).toBe(card.prompt);
    await page.getByLabel("Your answer").fill(typo);
    await page.getByLabel("Your answer").press("Enter");
    const verdict = page.locator(".flashcard__verdict");
    await verdict.waitFor();
    expect(await verdict.getAttribute("data-correct")).toBe("true");
    expect(await verdict.textContent()).toContain("Correct");
    expect(await face.locator(".flashcard__expected").textContent()).toBe(card.answer);
    expect(letters((await face.locator("blockquote").textContent()) ?? "")).toBe(
      letters(card.from.text),
    );
    await page.locator(".flashcard__saved", { hasText: "Review saved" }).waitFor();

    // The review went to the learner created on first use, whose id the page keeps.
    const id = await page.evaluate<string | null>(
      `localStorage.getItem(${JSON.stringify(LEARNER_KEY)})`,
    );
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const learner = await api<{ reviews: { cardId: string; correct: boolean }[] }>(
      `/api/learners/${id}`,
    );
    expect(learner.reviews).toEqual([expect.objectContaining({ cardId: card.id, correct: true })]);

    const wrong = typed.find((candidate) => candidate.index > index);
    expect(wrong).toBeDefined();
    await goToCard(wrong?.index ?? 0);
    await page.getByLabel("Your answer").fill("a completely unrelated answer");
    await page.getByRole("button", { name: "Check" }).click();
    await page.locator('.flashcard__verdict[data-correct="false"]').waitFor();
    expect(await page.locator(".flashcard__verdict").textContent()).toContain("Not quite");
    expect(await face.locator(".flashcard__expected").textContent()).toBe(wrong?.card.answer);
    await page.locator(".flashcard__saved", { hasText: "Review saved" }).waitFor();
    // A wrong answer is due again soon: the view says how many are due.
    expect(await page.locator("#study-due").textContent()).toMatch(
      /flashcards? due for review|No flashcards due/,
    );
  });

  it("answers a choice card with its buttons", async () => {
    const choices = cards.flatMap((card, index) => (card.kind === "choice" ? [index] : []));
    expect(choices.length).toBeGreaterThanOrEqual(2);
    const index = choices[0] as number;
    const card = cards[index] as CardJson;
    await goToCard(index);
    await page.locator(".flashcard__choice", { hasText: card.answer }).first().click();
    await page.locator('.flashcard__verdict[data-correct="true"]').waitFor();

    // A wrong option is named once, with why it is wrong in plain words.
    const other = cards[choices[1] as number] as CardJson;
    await goToCard(choices[1] as number);
    const wrong = page.locator(".flashcard__choice").filter({ hasNotText: other.answer }).first();
    const chosen = ((await wrong.textContent()) ?? "").trim();
    await wrong.click();
    const verdict = page.locator('.flashcard__verdict[data-correct="false"]');
    await verdict.waitFor();
    expect(await verdict.textContent()).toBe(
      `Not quite — you answered “${chosen}”: that is the answer to a similar card, not this one`,
    );
  });

  it("keeps a step marked done across a reload, and forgets it on request", async () => {
    const box = page.getByRole("checkbox", { name: "Step 2 done" });
    await box.check();
    await page.locator("#study-summary", { hasText: "1 of 7 steps done" }).waitFor();
    const id = await page.evaluate<string | null>(
      `localStorage.getItem(${JSON.stringify(LEARNER_KEY)})`,
    );
    const stored = await api<{ steps: { step: number }[] }>(`/api/learners/${id}`);
    expect(stored.steps.map((entry) => entry.step)).toEqual([2]);

    // The URL keeps the Study view (#study); the stored id brings the progress back.
    await page.reload();
    await page.locator("#study-summary", { hasText: "1 of 7 steps done" }).waitFor();
    expect(await page.getByRole("tab", { name: "Study" }).getAttribute("aria-selected")).toBe(
      "true",
    );
    expect(await page.getByRole("checkbox", { name: "Step 2 done" }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: "Step 3 done" }).isChecked()).toBe(false);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Forget my progress" }).click();
    await page.locator("#study-summary", { hasText: "0 of 7 steps done" }).waitFor();
    expect(await page.getByRole("checkbox", { name: "Step 2 done" }).isChecked()).toBe(false);
    expect(
      await page.evaluate<string | null>(`localStorage.getItem(${JSON.stringify(LEARNER_KEY)})`),
    ).toBeNull();
    expect((await fetch(`${url}/api/learners/${id}`)).status).toBe(404);
    expect(await page.getByRole("button", { name: "Forget my progress" }).isDisabled()).toBe(true);
  });

  it("makes a plan from the form and downloads its calendar", async () => {
    await page.getByRole("tab", { name: "Plan" }).click();
    await page.getByLabel("I am a…").selectOption("Data Analyst");
    expect(await page.getByLabel("Hours per week").getAttribute("min")).toBe("1");
    expect(await page.getByLabel("Hours per week").getAttribute("max")).toBe("60");
    await page.getByLabel("Hours per week").fill("6");
    await page.getByLabel("Start date").fill("2027-01-04");
    await page.getByRole("button", { name: "Make my plan" }).click();
    const plan = page.locator("#study-plan");
    await plan
      .getByRole("heading", { name: "ML study plan: Data Analyst, 6 hours per week" })
      .waitFor();
    expect(await plan.textContent()).toContain("2027-01-04 to ");
    expect(await plan.locator("table tbody tr").count()).toBeGreaterThan(5);
    expect(await plan.locator("button.citation").count()).toBeGreaterThan(5);
    expect(await plan.getByRole("button", { name: /^Sources \(\d+\)$/ }).count()).toBe(1);
    // A type chosen by name is stated, not explained ("… is its name").
    const summary = (await plan.locator("p", { hasText: "Learner type:" }).textContent()) ?? "";
    expect(summary).toMatch(/Learner type: Data Analyst \d+\.$/);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download calendar (.ics)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("plan.ics");
    const calendar = await readFile(await download.path(), "utf8");
    expect(calendar.startsWith("BEGIN:VCALENDAR")).toBe(true);
    expect(calendar).toContain("DTSTART;VALUE=DATE:20270104");
  });

  it("looks right in dark mode and at 375 px without horizontal scrolling", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.getByRole("tab", { name: "Flashcards" }).click();
    await page.locator(".flashcard").waitFor();
    const background = await page.evaluate<string>(
      "getComputedStyle(document.body).backgroundColor",
    );
    expect(background).toBe("rgb(14, 17, 23)");
    await page.screenshot({ path: path.join(SCREENSHOTS, "study-page-dark.png") });

    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.getByRole("tab", { name: "Guide" }).click();
    await page.evaluate(`document.getElementById("study-panel").scrollTo(0, 0)`);
    const widths = await page.evaluate<{ page: number; study: number }>(`({
      page: document.documentElement.scrollWidth,
      study: document.getElementById("study-panel").scrollWidth,
    })`);
    expect(widths.page).toBeLessThanOrEqual(375);
    expect(widths.study).toBeLessThanOrEqual(375);
    // Every control of the view is inside the screen's width.
    const outside = await page.evaluate<string[]>(`[
      ...document.querySelectorAll(
        "#study-panel button, #study-panel input, #study-panel select, .view-tab",
      ),
    ]
      .filter((control) => control.offsetParent !== null)
      .filter((control) => {
        const box = control.getBoundingClientRect();
        return box.left < 0 || box.right > 375;
      })
      .map((control) => control.textContent.trim() || control.id)`);
    expect(outside).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, "study-page-375.png") });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("logged no console errors and no page errors", () => {
    expect(problems).toEqual([]);
  });

  // After the check above: the browser logs every failed request as a console error.
  it("shows the API's errors readably instead of a blank view", async () => {
    await page.getByRole("tab", { name: "Plan" }).click();
    await page.getByLabel("Hours per week").fill("80");
    await page.getByRole("button", { name: "Make my plan" }).click();
    // The message the API gives for the same request, shown as it is.
    const refused = await fetch(`${url}/api/study/plan`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ learnerType: "Data Analyst", hoursPerWeek: 80, start: "2027-01-04" }),
    });
    expect(refused.status).toBe(400);
    const { error } = (await refused.json()) as { error: { message: string } };
    const note = page.locator("#study-plan .note--error");
    await note.waitFor();
    expect(await note.textContent()).toContain(error.message);
    // Asking again would get the same answer: no "Try again" for a refused request.
    expect(await note.getByRole("button", { name: "Try again" }).count()).toBe(0);

    await page.route("**/api/study/steps/3/guide", (route) => route.abort("connectionrefused"));
    await page.getByRole("tab", { name: "Guide" }).click();
    await page.getByRole("button", { name: /^Step 3 / }).click();
    const guide = page.locator("#study-guide");
    await guide
      .locator(".note--error", { hasText: "Could not reach the study assistant" })
      .waitFor();
    await page.unroute("**/api/study/steps/3/guide");
    await guide.getByRole("button", { name: "Try again" }).click();
    await guide.getByRole("heading", { name: /^Step 3: / }).waitFor();
  });
});
