import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { projectPath } from "../../support/project-root.ts";
import { makePdf } from "./make-pdf.ts";

const SITE_DIR = projectPath("tests/fixtures/site");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  // Served the way many static servers serve Markdown.
  ".md": "text/plain; charset=utf-8",
};

/** One request the server received. */
export type RecordedRequest = {
  path: string;
  userAgent: string | undefined;
  /** Date.now() when the request arrived. */
  at: number;
};

export type SiteServerOptions = {
  /** Replaces tests/fixtures/site/robots.txt. */
  robotsTxt?: string;
  /** Status for /robots.txt instead of serving it (e.g. 503 or 404). */
  robotsStatus?: number;
  /** Put in place of `{{OTHER_ORIGIN}}` in pages. @default "http://127.0.0.1:9" */
  otherOrigin?: string;
  /** How long /slow waits before answering, in ms. @default 5_000 */
  slowMs?: number;
};

export type SiteServer = {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: RecordedRequest[];
  /** Requests whose path (with query) is exactly `requestPath`. */
  requestsFor(requestPath: string): RecordedRequest[];
  /** Stops listening, destroys open connections and cancels pending delays. */
  close(): Promise<void>;
};

/**
 * Serves the fixture site on 127.0.0.1 (a free port) and records every request. Besides the files
 * under tests/fixtures/site, it has pages that misbehave: /slow, /huge (streamed, no length),
 * /huge-declared (a large Content-Length), /flaky (503 once, then 200), /redirect/N (a chain of N
 * redirects), /moved, /files/archive.zip, /image.png, /notes.pdf, /latin1.html, /retry-after/N.
 */
export async function startSiteServer(options: SiteServerOptions = {}): Promise<SiteServer> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const hits = new Map<string, number>();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const requestPath = `${url.pathname}${url.search}`;
    requests.push({ path: requestPath, userAgent: request.headers["user-agent"], at: Date.now() });
    const count = (hits.get(requestPath) ?? 0) + 1;
    hits.set(requestPath, count);
    const send = (status: number, type: string, body: string | Uint8Array, headers = {}) => {
      response.writeHead(status, { "content-type": type, ...headers });
      response.end(body);
    };
    const page = (title: string, text: string) =>
      `<!doctype html><html><head><title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;

    if (url.pathname === "/robots.txt") {
      if (options.robotsStatus !== undefined) {
        send(options.robotsStatus, "text/plain", "robots unavailable");
        return;
      }
      const robots =
        options.robotsTxt ?? (await readFile(path.join(SITE_DIR, "robots.txt"), "utf8"));
      send(200, "text/plain; charset=utf-8", robots);
      return;
    }
    if (url.pathname === "/slow") {
      const timer = setTimeout(() => {
        timers.delete(timer);
        send(200, "text/html", page("Slow Page", "This page answers too late."));
      }, options.slowMs ?? 5_000);
      timers.add(timer);
      request.on("close", () => {
        clearTimeout(timer);
        timers.delete(timer);
      });
      return;
    }
    if (url.pathname === "/huge") {
      // About 2 MiB, streamed in 64 KiB pieces with no Content-Length.
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      const piece = `<p>${"filler text ".repeat(5_460)}</p>\n`;
      let sent = 0;
      const writeMore = () => {
        while (sent < 32 && !response.destroyed) {
          sent += 1;
          if (!response.write(piece)) {
            response.once("drain", writeMore);
            return;
          }
        }
        if (!response.destroyed) response.end();
      };
      writeMore();
      return;
    }
    if (url.pathname === "/huge-declared") {
      // Claims 50 MB and sends a few bytes; a client that trusted it would wait for the rest.
      response.writeHead(200, { "content-type": "text/html", "content-length": "50000000" });
      response.write("<p>a small start of a large claim</p>");
      return;
    }
    if (url.pathname === "/flaky") {
      if (count === 1) send(503, "text/plain", "try again", { "retry-after": "0" });
      else send(200, "text/html; charset=utf-8", page("Flaky Page", "It works on the second try."));
      return;
    }
    const retryAfter = /^\/retry-after\/(\d+)$/.exec(url.pathname);
    if (retryAfter !== null) {
      if (count === 1) send(429, "text/plain", "slow down", { "retry-after": retryAfter[1] });
      else send(200, "text/html; charset=utf-8", page("Patient Page", "Thanks for waiting."));
      return;
    }
    if (url.pathname === "/always-503") {
      send(503, "text/plain", "down");
      return;
    }
    const redirect = /^\/redirect\/(\d+)$/.exec(url.pathname);
    if (redirect !== null) {
      const remaining = Number(redirect[1]);
      if (remaining === 0) {
        send(200, "text/html; charset=utf-8", page("End Of Chain", "The redirects ended here."));
      } else {
        send(302, "text/plain", "", { location: `/redirect/${remaining - 1}` });
      }
      return;
    }
    if (url.pathname === "/moved") {
      send(301, "text/plain", "", { location: "/c.html#top" });
      return;
    }
    if (url.pathname === "/bad-location") {
      send(302, "text/plain", "", { location: "http://[not-an-address/" });
      return;
    }
    if (url.pathname === "/to-file-url") {
      send(302, "text/plain", "", { location: "file:///etc/passwd" });
      return;
    }
    if (url.pathname === "/files/archive.zip") {
      send(200, "application/zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
      return;
    }
    if (url.pathname === "/image.png") {
      send(200, "image/png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      return;
    }
    if (url.pathname === "/notes.pdf") {
      const pdf = makePdf(
        [["Week 1: vectors and matrices"], ["Week 2: derivatives and gradients"]],
        { title: "Maths Notes" },
      );
      send(200, "application/pdf", pdf);
      return;
    }
    if (url.pathname === "/latin1.html") {
      const html = `<!doctype html><html><head><meta charset="iso-8859-1"><title>Café résumé</title></head><body><main><h1>Café résumé</h1><p>Naïve Bayes à la carte: a déjà vu of probabilities.</p></main></body></html>`;
      send(200, "text/html", Buffer.from(html, "latin1"));
      return;
    }

    const file = path.join(SITE_DIR, path.normalize(decodeURIComponent(url.pathname)));
    if (!file.startsWith(SITE_DIR) || url.pathname.endsWith("/")) {
      if (url.pathname === "/") {
        await sendFile(path.join(SITE_DIR, "index.html"));
        return;
      }
      send(404, "text/html", page("Not Found", "No such page."));
      return;
    }
    await sendFile(file);

    async function sendFile(filePath: string) {
      const type = CONTENT_TYPES[path.extname(filePath)];
      const content =
        type === undefined ? undefined : await readFile(filePath).catch(() => undefined);
      if (type === undefined || content === undefined) {
        send(404, "text/html", page("Not Found", "No such page."));
        return;
      }
      const body = type.startsWith("text/html")
        ? content
            .toString("utf8")
            .replaceAll("{{OTHER_ORIGIN}}", options.otherOrigin ?? "http://127.0.0.1:9")
        : content;
      send(200, type, body);
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    requests,
    requestsFor: (requestPath) => requests.filter((request) => request.path === requestPath),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
