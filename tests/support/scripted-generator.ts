import type { GenerationInput, Generator, GeneratorEvent } from "../../src/answer/generator.ts";

/**
 * A test answer writer that streams a fixed script, one delta every `delayMs`, and records what
 * it was asked and whether the caller aborted it. The answer cites passage 1.
 */
export class ScriptedGenerator implements Generator {
  readonly id = "scripted";
  readonly inputs: GenerationInput[] = [];
  aborted = false;
  deltasSent = 0;
  private readonly pieces: string[];
  private readonly delayMs: number;

  constructor(options: { pieces?: string[]; delayMs?: number } = {}) {
    this.pieces = options.pieces ?? ["Scripted ", "answer ", "text. [1]"];
    this.delayMs = options.delayMs ?? 0;
  }

  async *generate(
    input: GenerationInput,
    options: { signal?: AbortSignal } = {},
  ): AsyncIterable<GeneratorEvent> {
    this.inputs.push(input);
    for (const piece of this.pieces) {
      if (this.delayMs > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.delayMs);
          options.signal?.addEventListener("abort", () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      if (options.signal?.aborted) {
        this.aborted = true;
        return;
      }
      this.deltasSent++;
      yield { type: "text-delta", text: piece };
    }
    yield { type: "answer-end", text: this.pieces.join(""), generator: this.id };
  }
}
