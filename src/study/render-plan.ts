import type { PersonalPlan } from "./personal-plan.ts";
import type { StudySource } from "./study-types.ts";

/** Numbers passages [1], [2], … in order of first use, as answers cite them. */
class Citations {
  private readonly numbers = new Map<string, number>();
  private readonly sources: StudySource[] = [];

  cite(source: StudySource): string {
    let n = this.numbers.get(source.chunkId);
    if (n === undefined) {
      this.sources.push(source);
      n = this.sources.length;
      this.numbers.set(source.chunkId, n);
    }
    return `[${n}]`;
  }

  list(): string[] {
    return this.sources.map(
      (source, index) =>
        `[${index + 1}] ${source.section} (${source.source}, passage ${source.chunkId})`,
    );
  }
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
}

function hours(value: number): string {
  return `${value} hour${value === 1 ? "" : "s"} per week`;
}

/**
 * The plan as Markdown: a summary with the assumption behind the dates, a month-by-month table,
 * then each step with its dates, focus, main tools, milestone and projects. Every item carries a
 * numbered citation; the sources are listed at the end.
 */
export function renderPlanMarkdown(plan: PersonalPlan): string {
  const citations = new Citations();
  const type = plan.learnerType;
  const lines: string[] = [];
  lines.push(`# ML study plan: ${type.name}, ${hours(plan.hoursPerWeek)}`, "");
  // A type chosen by its name needs no reason; an alias or a description says what matched.
  const why = plan.matched.how === "name" ? "" : `: ${plan.matched.reason}`;
  lines.push(
    `**${plan.start} to ${plan.end}** (${plan.lengthMonths} months). Learner type: **${type.name}** ${citations.cite(type.from)}${why}.`,
    "",
    `- Expected timeline for ${type.name}: ${plan.pace.expectedTimeline.value} ${citations.cite(plan.pace.expectedTimeline.from)}.`,
    `- Pace: this plan ${plan.pace.assumption}.`,
  );
  if (plan.firstFocus !== undefined) {
    lines.push(`- First focus: ${plan.firstFocus.value} ${citations.cite(plan.firstFocus.from)}`);
  }
  if (plan.firstProject !== undefined) {
    lines.push(
      `- Best first project: ${plan.firstProject.value} ${citations.cite(plan.firstProject.from)}`,
    );
  }
  for (const note of plan.notes) lines.push(`- Note: ${note}`);

  lines.push(
    "",
    "## Month by month",
    "",
    "| Month | Dates | Steps | Milestones due |",
    "|---|---|---|---|",
  );
  for (const month of plan.months) {
    const steps = month.steps
      .map((step) => `Step ${step.n}: ${step.title} ${citations.cite(step.from)}`)
      .join("; ");
    const milestones = month.milestones
      .map(
        (milestone) => `Step ${milestone.step}, ${milestone.due} ${citations.cite(milestone.from)}`,
      )
      .join("; ");
    lines.push(
      `| ${month.n} | ${month.start} to ${month.end} | ${cell(steps)} | ${cell(milestones)} |`,
    );
  }

  lines.push("", "## Steps");
  for (const step of plan.steps) {
    const planMonths =
      step.planMonths.first === step.planMonths.last
        ? `plan month ${step.planMonths.first}`
        : `plan months ${step.planMonths.first}–${step.planMonths.last}`;
    lines.push(
      "",
      `### Step ${step.n}: ${step.title}`,
      "",
      `${step.start} to ${step.end}${step.ongoing ? " and on" : ""} (${planMonths}; the roadmap's ${step.roadmapMonths.value} ${citations.cite(step.roadmapMonths.from)})`,
      "",
    );
    if (step.focus !== undefined) {
      lines.push(`- Focus: ${step.focus.value} ${citations.cite(step.focus.from)}`);
    }
    if (step.tools.length > 0) {
      const tools = step.tools
        .map((tool) => `${tool.name} ${citations.cite(tool.from)}`)
        .join(", ");
      lines.push(`- Main tools: ${tools}`);
    }
    if (step.milestone !== undefined) {
      lines.push(
        `- Milestone, due ${step.milestone.due}: ${step.milestone.text} ${citations.cite(step.milestone.from)}`,
      );
    }
    for (const project of step.projects) {
      const details = [project.difficulty, project.buildTime, project.stack].filter(
        (detail): detail is string => detail !== undefined && detail !== "",
      );
      lines.push(
        `- Project: ${project.name}${details.length === 0 ? "" : ` (${details.join("; ")})`} ${citations.cite(project.from)}`,
      );
    }
  }

  lines.push("", "## Sources", "", ...citations.list());
  return `${lines.join("\n")}\n`;
}
