import { type Request, Router } from "express";
import { z } from "zod";
import { RequestValidationError } from "../../errors/request-errors.ts";
import { learnerTypes } from "../../study/learner-types.ts";
import { buildPlan, planMaterial } from "../../study/personal-plan.ts";
import { planCalendar } from "../../study/plan-calendar.ts";
import { renderPlanMarkdown } from "../../study/render-plan.ts";
import type { AssistantSource } from "../live-assistant.ts";

/**
 * `POST /api/study/plan` body. Hours per week and the start date are checked by `buildPlan`, so
 * their errors say the allowed range or form and the value given (400 `hours_out_of_range`,
 * `invalid_date`); an unknown learner type name is a 400 listing the types.
 */
export const planRequestSchema = z
  .strictObject({
    learnerType: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().min(1).max(1000).optional(),
    hoursPerWeek: z.number(),
    start: z.string().max(40).optional(),
    format: z.enum(["json", "markdown", "ics"]).optional(),
  })
  .refine((body) => (body.learnerType === undefined) !== (body.description === undefined), {
    message: "give exactly one of learnerType and description",
  });

type PlanFormat = "json" | "markdown" | "ics";

/** `format` when given, else the Accept header (text/calendar, text/markdown), else JSON. */
function chosenFormat(request: Request, format: PlanFormat | undefined): PlanFormat {
  if (format !== undefined) return format;
  const accepted = request.accepts(["application/json", "text/calendar", "text/markdown"]);
  if (accepted === "text/calendar") return "ics";
  if (accepted === "text/markdown") return "markdown";
  return "json";
}

/**
 * `GET /api/study/learner-types` lists the types a plan accepts by name;
 * `POST /api/study/plan`: a month-by-month plan for a learner type (or the one nearest to a
 * description) and hours per week, as JSON, Markdown or an iCalendar file. Made from the index
 * being served when the request starts, so a hot reload swaps the material.
 */
export function planRoute(assistants: AssistantSource): Router {
  const router = Router();
  // The learner types the plan accepts by name, from the roadmap's "who is this for" table.
  router.get("/api/study/learner-types", (_request, response) => {
    response.json({ learnerTypes: learnerTypes(assistants.current.index.chunks) });
  });
  router.post("/api/study/plan", (request, response) => {
    const assistant = assistants.current;
    const parsed = planRequestSchema.safeParse(request.body);
    if (!parsed.success) throw RequestValidationError.fromZod(parsed.error);
    const { format, ...plan } = parsed.data;
    const material = planMaterial(
      assistant.index.chunks,
      (text) => assistant.understanding.understand(text).understoodAs,
    );
    const built = buildPlan(
      {
        hoursPerWeek: plan.hoursPerWeek,
        ...(plan.learnerType === undefined ? {} : { learnerType: plan.learnerType }),
        ...(plan.description === undefined ? {} : { description: plan.description }),
        ...(plan.start === undefined ? {} : { start: plan.start }),
      },
      material,
    );
    const chosen = chosenFormat(request, format);
    switch (chosen) {
      case "ics":
        response
          .type("text/calendar; charset=utf-8")
          .attachment(`ml-study-plan-${built.start}.ics`)
          .send(planCalendar(built));
        return;
      case "markdown":
        response.type("text/markdown; charset=utf-8").send(renderPlanMarkdown(built));
        return;
      case "json":
        response.json(built);
        return;
      default: {
        const unknown: never = chosen;
        throw new Error(`unknown plan format ${String(unknown)}`);
      }
    }
  });
  return router;
}
