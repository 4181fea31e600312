// Starts and stops `vite preview` on a free port for browser tests and scripts.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface PreviewServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`preview server did not answer at ${url} within ${timeoutMs} ms`);
}

/** Serves `outDir` (default dist) with vite preview. */
export async function startPreview(options: { port?: number; outDir?: string } = {}): Promise<PreviewServer> {
  const port = options.port ?? (await freePort());
  const args = ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'];
  if (options.outDir) args.push('--outDir', options.outDir);
  const child: ChildProcess = spawn('npx', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(url + '/', 30_000);
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return {
    url,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          child.kill('SIGTERM');
        }
      }),
  };
}
