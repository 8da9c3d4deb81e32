import type { RequestHandler } from "express";
import { ServerBusyError } from "../errors/request-errors.ts";

/** How much answering work the server accepts at once (MAX_CONCURRENT_ANSWERS and friends). */
export type AnswerLimitSettings = {
  /** Answers being written at the same time. @default 8 */
  maxConcurrent: number;
  /** Requests waiting for a free slot; one more is turned away at once. @default 32 */
  maxQueued: number;
  /** Longest wait for a slot, in milliseconds; then the request is turned away. @default 2000 */
  maxWaitMs: number;
};

type Waiter = { start: () => void; timer: NodeJS.Timeout };

/**
 * Back-pressure for the answering routes: at most `maxConcurrent` requests run, at most
 * `maxQueued` wait in arrival order for at most `maxWaitMs`; the rest get a 503 `server_busy`
 * with `Retry-After` at once. Without it the server accepts work it cannot finish in time and
 * every request slows down (at 50 connections p99 was over 8 s). A slot is held until the
 * response is finished or its client has gone, so a stream counts for its whole length.
 */
export class AnswerLimit {
  readonly settings: AnswerLimitSettings;
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(settings: AnswerLimitSettings) {
    for (const [name, value, minimum] of [
      ["maxConcurrent", settings.maxConcurrent, 1],
      ["maxQueued", settings.maxQueued, 0],
      ["maxWaitMs", settings.maxWaitMs, 1],
    ] as const) {
      if (!Number.isInteger(value) || value < minimum) {
        throw new RangeError(`${name} must be an integer >= ${minimum}; got ${value}`);
      }
    }
    this.settings = settings;
  }

  /** Requests being answered now. */
  get running(): number {
    return this.active;
  }

  /** Requests waiting for a slot now. */
  get queued(): number {
    return this.waiting.length;
  }

  middleware(): RequestHandler {
    return (_request, response, next) => {
      let released = false;
      const start = () => {
        this.active++;
        response.once("close", () => {
          if (released) return;
          released = true;
          this.active--;
          this.startWaiting();
        });
        next();
      };
      if (this.active < this.settings.maxConcurrent) {
        start();
        return;
      }
      if (this.waiting.length >= this.settings.maxQueued) {
        next(this.busy());
        return;
      }
      const waiter: Waiter = {
        start,
        timer: setTimeout(() => {
          if (this.remove(waiter)) next(this.busy());
        }, this.settings.maxWaitMs),
      };
      // A client that gives up while waiting frees its place in the queue.
      response.once("close", () => {
        if (this.remove(waiter)) clearTimeout(waiter.timer);
      });
      this.waiting.push(waiter);
    };
  }

  private busy(): ServerBusyError {
    return new ServerBusyError(
      this.settings,
      Math.max(1, Math.ceil(this.settings.maxWaitMs / 1000)),
    );
  }

  private remove(waiter: Waiter): boolean {
    const position = this.waiting.indexOf(waiter);
    if (position === -1) return false;
    this.waiting.splice(position, 1);
    return true;
  }

  private startWaiting(): void {
    while (this.active < this.settings.maxConcurrent) {
      const waiter = this.waiting.shift();
      if (waiter === undefined) return;
      clearTimeout(waiter.timer);
      waiter.start();
    }
  }
}
