import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Assistant } from "../../src/answer/assistant.ts";
import { UseEmbedder } from "../../src/embedders/use-embedder.ts";
import { loadIndex } from "../../src/index/index-store.ts";
import { createApp } from "../../src/server/app.ts";
import { startServer, stopServer } from "../../src/server/start-server.ts";
import type { PersonalPlan } from "../../src/study/personal-plan.ts";
import { parseCalendar } from "../support/parse-calendar.ts";
import { chunksOfEditedRoadmap } from "./study-fixtures.ts";

type ErrorBody = { error: { code: string; message: string; issues?: Array<{ path: string }> } };

const embedder = new UseEmbedder();
/** What the app serves; a test swaps `current` as a hot reload does. */
const source: { current: Assistant } = { current: undefined as unknown as Assistant };
let original: Assistant;
let server: Server;
let url: string;

beforeAll(async () => {
  const index = await loadIndex(inject("sharedIndexDir"), embedder);
  original = new Assistant({ index, embedder });
  source.current = original;
  ({ server, url } = await startServer(createApp({ assistant: source, embedder }), {
    host: "127.0.0.1",
    port: 0,
  }));
});

afterAll(async () => {
  await stopServer(server, 1000);
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/study/plan`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const planAt = async (hoursPerWeek: number): Promise<PersonalPlan> => {
  const response = await post({
    learnerType: "Career Switcher",
    hoursPerWeek,
    start: "2027-01-04",
  });
  expect(response.status).toBe(200);
  return (await response.json()) as PersonalPlan;
};

describe("GET /api/study/learner-types", () => {
  it("lists the roadmap's learner types with their timelines and passages", async () => {
    const response = await fetch(`${url}/api/study/learner-types`);
    expect(response.status).toBe(200);
    const { learnerTypes } = (await response.json()) as {
      learnerTypes: Array<{ name: string; timeline: string; from: { chunkId: string } }>;
    };
    expect(learnerTypes.map((type) => type.name)).toContain("Career Switcher");
    expect(learnerTypes.length).toBe(5);
    for (const type of learnerTypes) {
      expect(type.timeline).toMatch(/month/);
      expect(type.from.chunkId).toMatch(/^[0-9a-f]+$/);
    }
  });
});

describe("POST /api/study/plan", () => {
  it("answers a plan as JSON, later at 6 hours per week than at 15", async () => {
    const [slow, fast] = [await planAt(6), await planAt(15)];
    expect(slow.learnerType.name).toBe("Career Switcher");
    expect(slow.start).toBe("2027-01-04");
    expect(slow.end > fast.end).toBe(true);
    expect(slow.steps.length).toBeGreaterThan(0);
    expect(slow.pace.assumption).toContain("the roadmap does not give hours per week");
    for (const step of slow.steps) expect(step.from.chunkId).toMatch(/^[0-9a-f]+$/);
  });

  it("answers the nearest learner type to a description, saying why", async () => {
    const response = await post({ description: "I write Java backends", hoursPerWeek: 8 });
    const plan = (await response.json()) as PersonalPlan;
    expect(plan.learnerType.name).toBe("Software Engineer");
    expect(plan.matched.how).toBe("description");
    expect(plan.matched.reason).toContain("backends");
  });

  it("answers an .ics calendar that parses, for format or Accept: text/calendar", async () => {
    const lastDate = async (hoursPerWeek: number) => {
      const response = await post(
        { learnerType: "cs student", hoursPerWeek, start: "2027-01-04" },
        { accept: "text/calendar" },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      expect(response.headers.get("content-disposition")).toContain(".ics");
      const { events } = parseCalendar(await response.text());
      expect(events.length).toBeGreaterThanOrEqual(7);
      return Math.max(...events.map((event) => Number(event["DTSTART;VALUE=DATE"])));
    };
    expect(await lastDate(6)).toBeGreaterThan(await lastDate(15));
    const byFormat = await post({ learnerType: "SWE", hoursPerWeek: 8, format: "ics" });
    expect(parseCalendar(await byFormat.text()).calendar.VERSION).toBe("2.0");
  });

  it("answers Markdown for format markdown", async () => {
    const response = await post({ learnerType: "analyst", hoursPerWeek: 8, format: "markdown" });
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const text = await response.text();
    expect(text).toContain("# ML study plan: Data Analyst, 8 hours per week");
    expect(text).toContain("## Sources");
  });

  it("refuses bad requests with 400 and what is allowed", async () => {
    const error = async (body: unknown) => {
      const response = await post(body);
      expect(response.status).toBe(400);
      return ((await response.json()) as ErrorBody).error;
    };
    const hours = await error({ learnerType: "SWE", hoursPerWeek: 80 });
    expect(hours.code).toBe("hours_out_of_range");
    expect(hours.message).toBe("hours per week must be between 1 and 60; got 80");
    const date = await error({ learnerType: "SWE", hoursPerWeek: 8, start: "2027-02-30" });
    expect(date.code).toBe("invalid_date");
    expect(date.message).toContain("2027-02-30");
    expect((await error({ learnerType: "SWE", hoursPerWeek: 8, start: "04/01/2027" })).code).toBe(
      "invalid_date",
    );
    const unknown = await error({ learnerType: "astronaut", hoursPerWeek: 8 });
    expect(unknown.code).toBe("unknown_learner_type");
    for (const name of ["Complete Beginner", "CS / IT Student", "Career Switcher"]) {
      expect(unknown.message).toContain(name);
    }
    const both = await error({ learnerType: "SWE", description: "I code", hoursPerWeek: 8 });
    expect(both.code).toBe("invalid_request");
    expect(JSON.stringify(both.issues)).toContain("exactly one of learnerType and description");
    expect((await error({ hoursPerWeek: 8 })).code).toBe("invalid_request");
    const extra = await error({ learnerType: "SWE", hoursPerWeek: 8, pace: "fast" });
    expect(extra.code).toBe("invalid_request");
    expect((await error({ learnerType: "SWE", hoursPerWeek: "8" })).code).toBe("invalid_request");
    expect((await error({ learnerType: "SWE", hoursPerWeek: 8, format: "pdf" })).code).toBe(
      "invalid_request",
    );
    expect((await error("{not json")).code).toBe("invalid_request");
  });

  it("plans from the index being served, so a hot reload swaps the learner types", async () => {
    const edited = await chunksOfEditedRoadmap((text) =>
      text.replace(
        "| Career Switcher | Non-CS background |",
        "| Bootcamp Graduate | Non-CS background |",
      ),
    );
    source.current = new Assistant({ index: { ...original.index, chunks: edited }, embedder });
    try {
      const renamed = await post({ learnerType: "Bootcamp Graduate", hoursPerWeek: 8 });
      expect(renamed.status).toBe(200);
      expect(((await renamed.json()) as PersonalPlan).learnerType.name).toBe("Bootcamp Graduate");
      const gone = await post({ learnerType: "Career Switcher", hoursPerWeek: 8 });
      expect(gone.status).toBe(400);
    } finally {
      source.current = original;
    }
    expect((await post({ learnerType: "Career Switcher", hoursPerWeek: 8 })).status).toBe(200);
  });
});
