// Server-Sent Events over fetch (EventSource cannot POST).

/** @typedef {{ event: string, data: string }} SseFrame */

/**
 * Yields `{ event, data }` for each frame; comment lines (heartbeats) are skipped.
 * @param {ReadableStream<BufferSource>} stream the bytes of a response body
 * @returns {AsyncGenerator<SseFrame>}
 */
export async function* readEvents(stream) {
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let event = "message";
  /** @type {string[]} */
  let data = [];
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let newline = buffer.search(/\r\n|\n|\r/);
      while (newline !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith("\r\n", newline) ? 2 : 1));
        if (line === "") {
          if (data.length > 0) yield { event, data: data.join("\n") };
          event = "message";
          data = [];
        } else if (!line.startsWith(":")) {
          const colon = line.indexOf(":");
          const field = colon === -1 ? line : line.slice(0, colon);
          const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
          if (field === "event") event = value;
          else if (field === "data") data.push(value);
        }
        newline = buffer.search(/\r\n|\n|\r/);
      }
    }
  } finally {
    reader.releaseLock();
  }
}
