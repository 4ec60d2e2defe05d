import { createServer, request } from 'node:http';

/** What the proxy does to the next refresh-token requests (`POST /oauth/token`, `grant_type=refresh_token`). */
export type ProxyFault =
  /** The tenant answers in full, then the browser's connection is reset: the answer is lost. */
  | 'lose-answer'
  /** The tenant's status and headers reach the browser, then the connection is reset mid-body. */
  | 'reset-after-headers';

/** A forward HTTP proxy of the test's own, for faults `/__dev/faults` cannot express. */
export interface FaultProxy {
  /** `http://127.0.0.1:PORT`, for a browser context's `proxy.server`. */
  url: string;
  /** Applies `fault` to the next `count` refresh-token requests. */
  fail(fault: ProxyFault, count?: number): void;
  /** Refresh-token requests the tenant processed but whose answer the proxy cut. */
  cut: number;
  close(): Promise<void>;
}

/**
 * Starts a forward proxy on 127.0.0.1 (a free port). The browser sends it absolute URLs; it
 * forwards each request to its host (loopback only) and, for a refresh-token request with a fault
 * pending, lets the tenant process it before cutting the browser's connection, which the tenant's
 * own fault route cannot do (it answers instead of the server).
 */
export async function startFaultProxy(): Promise<FaultProxy> {
  const pending: ProxyFault[] = [];
  const server = createServer((req, res) => {
    const target = new URL(req.url ?? '/');
    if (!['127.0.0.1', 'localhost'].includes(target.hostname)) {
      res.writeHead(403).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const isRefresh =
        req.method === 'POST' &&
        target.pathname === '/oauth/token' &&
        /grant_type=refresh_token|"grant_type":"refresh_token"/.test(body.toString('utf8'));
      const fault = isRefresh ? pending.shift() : undefined;
      const upstream = request(
        target,
        { method: req.method, headers: { ...req.headers, host: target.host, connection: 'close' } },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => {
            if (fault) proxy.cut++;
            if (fault === 'lose-answer') return req.socket.destroy();
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            if (fault === 'reset-after-headers') {
              res.flushHeaders();
              setTimeout(() => req.socket.destroy(), 50);
              return;
            }
            res.end(Buffer.concat(parts));
          });
        },
      );
      upstream.on('error', () => req.socket.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${port}`,
    fail: (fault, count = 1) => {
      for (let i = 0; i < count; i++) pending.push(fault);
    },
    cut: 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
