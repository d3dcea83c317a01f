// A real HTTP proxy on loopback in front of a real DAV server, for the sync tests' network failures: it can drop the
// connection after the server has done a request but before its answer arrives (the classic cause of duplicates: the
// server stored the item, the client saw an error and retries), or refuse every connection (offline).
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FlakyProxy {
  url: string;
  /** The next request matching `when` reaches the server, and its answer is then thrown away (connection reset). */
  dropAnswerOnce(when: (method: string, path: string) => boolean): void;
  /** While offline every connection is closed at once, as with no network. */
  setOffline(offline: boolean): void;
  /** Requests seen, as "METHOD path". */
  requests: string[];
  dropped: number;
  /** Time the server spent answering (from each request's arrival to its answer's end), summed; for the benchmark. */
  serverMs: number;
  close(): Promise<void>;
}

export async function startFlakyProxy(target: string): Promise<FlakyProxy> {
  const upstream = new URL(target);
  let drop: ((method: string, path: string) => boolean) | null = null;
  let offline = false;
  const sockets = new Set<Socket>();
  const proxy: FlakyProxy = {
    url: '',
    requests: [],
    dropped: 0,
    serverMs: 0,
    dropAnswerOnce: (when) => { drop = when; },
    setOffline: (value) => {
      offline = value;
      if (value) for (const s of sockets) s.destroy();
    },
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
  const server: Server = createServer((req: IncomingMessage, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    proxy.requests.push(`${method} ${path}`);
    const dropThis = drop !== null && drop(method, path);
    const arrived = performance.now();
    if (dropThis) drop = null;
    const out = request({ host: upstream.hostname, port: upstream.port, method, path, headers: { ...req.headers, host: upstream.host } }, (answer) => {
      if (dropThis) {
        proxy.dropped += 1;
        answer.resume();
        answer.on('end', () => req.socket.destroy());
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.on('end', () => { proxy.serverMs += performance.now() - arrived; });
      answer.pipe(res);
    });
    out.on('error', () => req.socket.destroy());
    req.pipe(out);
  });
  server.on('connection', (socket) => {
    if (offline) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return proxy;
}
