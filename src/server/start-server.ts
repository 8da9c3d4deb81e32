import type { Server } from "node:http";
import type { Express } from "express";

/** How long shutdown waits for in-flight requests before closing their connections. @default 10 s */
const SHUTDOWN_GRACE_MS = 10_000;

/** Listens on host:port (0 = any free port); resolves with the server and its URL. */
export function startServer(
  app: Express,
  options: { host: string; port: number },
): Promise<{ server: Server; url: string }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, options.host, (error?: Error) => {
      if (error) {
        reject(error);
        return;
      }
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : options.port;
      const host = options.host.includes(":") ? `[${options.host}]` : options.host;
      resolve({ server, url: `http://${host}:${port}` });
    });
    server.on("error", reject);
  });
}

/**
 * Stops accepting connections, lets in-flight requests finish (idle keep-alive sockets are
 * closed at once), and after `graceMs` closes whatever is left. Resolves when the server is closed.
 */
export function stopServer(server: Server, graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
