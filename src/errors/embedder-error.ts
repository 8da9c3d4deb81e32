import { AppError } from "./app-error.ts";

/** An embedder could not be loaded or failed to embed (missing model files, bad upstream reply). */
export class EmbedderError extends AppError {
  readonly embedderId: string;

  constructor(embedderId: string, message: string, options: { cause?: unknown } = {}) {
    super(`${embedderId}: ${message}`, { code: "embedder_error", httpStatus: 503, ...options });
    this.embedderId = embedderId;
  }
}
