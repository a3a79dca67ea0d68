import type { Server } from "node:http";
import type { Socket } from "node:net";

/** A fake server listening on 127.0.0.1: its port, and a close that drops open connections. */
export interface Loopback {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Listens on an ephemeral port of 127.0.0.1, keeping track of connections so `close` ends at
 * once even with keep-alive sockets (or requests a fake never answers) still open.
 */
export async function listenOnLoopback(server: Server): Promise<Loopback> {
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string")
    throw new Error("the fake server has no TCP address");
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
