import { readFile } from "node:fs/promises";
import { describe, expect, inject, it } from "vitest";
import type { PersonalPlan } from "../../src/study/personal-plan.ts";
import { parseCalendar } from "../support/parse-calendar.ts";
import { runCliInProcess } from "../support/run-cli-in-process.ts";
import { TempDir } from "../support/temp-dir.ts";

const plan = (...args: string[]) =>
  runCliInProcess(["--index", inject("sharedIndexDir"), "study", "plan", ...args]);

describe("study plan", () => {
  it("prints the plan as Markdown by default", async () => {
    const result = await plan("--learner", "cs student", "--hours", "8", "--start", "2027-01-04");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("# ML study plan: CS / IT Student, 8 hours per week");
    expect(result.stdout).toContain("**2027-01-04 to ");
    expect(result.stdout).toContain("the roadmap does not give hours per week");
    expect(result.stdout).toContain("## Sources");
  });

  it("prints JSON with --json, later at 6 hours than at 15", async () => {
    const at = async (hours: string) => {
      const result = await plan("--learner", "Career Switcher", "--hours", hours, "--json");
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout) as PersonalPlan;
    };
    const [slow, fast] = [await at("6"), await at("15")];
    expect(slow.learnerType.name).toBe("Career Switcher");
    expect(slow.start).toBe(fast.start);
    expect(slow.end > fast.end).toBe(true);
  });

  it("plans for the learner type nearest to --describe, saying why", async () => {
    const result = await plan("--describe", "I'm 28, in marketing, no CS degree", "--hours", "6");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("# ML study plan: Career Switcher, 6 hours per week");
    expect(result.stdout).toContain('"no CS" matches the starting point "Non-CS background"');
  });

  it("writes the calendar with --ics", async () => {
    const directory = await TempDir.create();
    try {
      const file = directory.join("plan.ics");
      const result = await plan("--learner", "SWE", "--hours", "10", "--ics", file, "--json");
      expect(result.code).toBe(0);
      const written = JSON.parse(result.stdout) as PersonalPlan;
      const { events } = parseCalendar(await readFile(file, "utf8"));
      const milestones = written.steps.filter((step) => step.milestone !== undefined).length;
      expect(events).toHaveLength(written.steps.length + milestones);
      expect(result.stderr).toContain(`Wrote ${events.length} calendar events to ${file}`);
    } finally {
      await directory.remove();
    }
  });

  it("exits 2 with one line for bad input", async () => {
    const cases: Array<[string[], string]> = [
      [["--learner", "SWE", "--hours", "80"], "hours per week must be between 1 and 60; got 80"],
      [["--learner", "SWE", "--hours", "lots"], '--hours is "lots"'],
      [["--learner", "SWE", "--hours", "8", "--start", "2027-02-30"], "2027-02-30"],
      [["--learner", "astronaut", "--hours", "8"], "Complete Beginner, CS / IT Student"],
      [["--hours", "8"], "give exactly one of --learner"],
      [["--learner", "SWE", "--describe", "I code", "--hours", "8"], "give exactly one"],
    ];
    for (const [args, message] of cases) {
      const result = await plan(...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stdout).toBe("");
    }
  });
});
