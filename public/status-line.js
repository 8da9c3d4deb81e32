// The footer's status line: how many passages are indexed and who writes the answers; the same
// health check tells the composer the longest question the server accepts.

import { updateControls } from "./controls.js";
import { elements } from "./page-elements.js";
import { setQuestionLimit } from "./question-length.js";

/**
 * What GET /api/health answers; every field is treated as optional.
 * @typedef {{ status?: string, generator?: string, embedder?: string, index?: { chunks?: number, version?: string }, limits?: { questionChars?: unknown } }} Health
 */

/** @param {string} generator e.g. "extractive" or "openai:<model>" */
function describeGenerator(generator) {
  if (generator === "extractive") return "answers quoted from the material (offline)";
  const [kind, ...model] = generator.split(":");
  if (kind === "openai" && model.length > 0)
    return `answers written by ${model.join(":")} from the material`;
  return `answers by ${generator}`;
}

export async function loadStatus() {
  try {
    const response = await fetch("/api/health", { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const health = /** @type {Health | null} */ (await response.json());
    setQuestionLimit(health?.limits?.questionChars);
    updateControls();
    const chunks = Number(health?.index?.chunks ?? 0);
    elements.status.dataset.state = health?.status === "ok" ? "ok" : "warn";
    elements.statusText.textContent = `${chunks.toLocaleString("en")} passages indexed · ${describeGenerator(String(health?.generator ?? "unknown"))}`;
    elements.status.title = `Index ${health?.index?.version ?? "?"} · embedder ${health?.embedder ?? "?"}`;
  } catch {
    elements.status.dataset.state = "error";
    elements.statusText.textContent = "The assistant is not reachable right now.";
  }
}
