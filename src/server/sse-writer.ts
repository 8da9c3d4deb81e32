import type { Response } from "express";
import type { ErrorCode } from "../errors/error-code.ts";

/** Seconds between heartbeat comments while a stream is open. @default 15 */
const DEFAULT_HEARTBEAT_MS = 15_000;
const EVENT_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * The one place that writes Server-Sent Events. Sets the headers, writes `event:`/`data:` frames
 * (data as one line of JSON), sends heartbeat comments so proxies keep the connection open, and
 * always ends the response exactly once. A frame that cannot be serialised becomes an `error`
 * frame and the stream closes.
 */
export class SseWriter {
  private readonly response: Response;
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;

  constructor(response: Response, options: { heartbeatMs?: number | undefined } = {}) {
    this.response = response;
    response.status(200);
    response.setHeader("Content-Type", "text/event-stream; charset=utf-8");
    response.setHeader("Cache-Control", "no-cache, no-transform");
    response.setHeader("Connection", "keep-alive");
    response.setHeader("X-Accel-Buffering", "no");
    response.flushHeaders();
    this.heartbeat = setInterval(
      () => this.comment("heartbeat"),
      options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
    );
    this.heartbeat.unref();
    response.on("close", () => this.stop());
  }

  get isClosed(): boolean {
    return this.closed || this.response.writableEnded || this.response.destroyed;
  }

  /** Writes one named event whose data is JSON, or a bare `data:` frame when `event` is undefined. */
  send(event: string | undefined, data: unknown): void {
    if (this.isClosed) return;
    if (event !== undefined && !EVENT_NAME.test(event)) {
      this.fail(`invalid event name ${JSON.stringify(event)}`);
      return;
    }
    let payload: string;
    try {
      payload = typeof data === "string" ? data : JSON.stringify(data);
    } catch (error) {
      this.fail(`an event could not be serialised: ${(error as Error).message}`);
      return;
    }
    if (payload.includes("\n")) {
      this.fail("an event's data contains a line break");
      return;
    }
    this.response.write(`${event === undefined ? "" : `event: ${event}\n`}data: ${payload}\n\n`);
  }

  comment(text: string): void {
    if (!this.isClosed) this.response.write(`: ${text}\n\n`);
  }

  /** Sends an `error` event with a message, then closes. */
  fail(message: string, code: ErrorCode = "stream_error"): void {
    if (this.isClosed) return;
    this.response.write(`event: error\ndata: ${JSON.stringify({ message, code })}\n\n`);
    this.close();
  }

  close(): void {
    this.stop();
    if (!this.response.writableEnded) this.response.end();
  }

  private stop(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
  }
}

/** One function per event type of `Event`, each writing that event's frames. */
export type EventFrames<Event extends { type: string }> = {
  [Type in Event["type"]]: (event: Extract<Event, { type: Type }>, writer: SseWriter) => void;
};

/**
 * Streams `events` to the client as Server-Sent Events: `start` writes any opening frames, then
 * `frames` writes each event, until the events end or the client goes away (the caller's
 * AbortSignal then stops the producer). A failure of the producer is logged on stderr as
 * `<name> stream failed: …` and sent as an `internal_error` frame without details. The response
 * always ends.
 */
export async function streamEvents<Event extends { type: string }>(
  response: Response,
  events: AsyncIterable<Event>,
  options: {
    name: string;
    heartbeatMs?: number | undefined;
    start?: (writer: SseWriter) => void;
    frames: EventFrames<Event>;
  },
): Promise<void> {
  const writer = new SseWriter(response, { heartbeatMs: options.heartbeatMs });
  try {
    options.start?.(writer);
    for await (const event of events) {
      if (writer.isClosed) break;
      const write = options.frames[event.type as Event["type"]] as (
        event: Event,
        writer: SseWriter,
      ) => void;
      write(event, writer);
    }
  } catch (error) {
    process.stderr.write(`${options.name} stream failed: ${(error as Error).message}\n`);
    writer.fail("the answer could not be completed", "internal_error");
  } finally {
    writer.close();
  }
}
