// Serves a build with deploy/nginx/default.conf.template, rendered as the nginx image renders it
// (only the variables given are replaced), under Debian's nginx on a free loopback port: the same
// headers, fallback and /couch/ proxy a team's server has, without Docker.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './preview-server';

export const NGINX_TEMPLATE = resolve('deploy/nginx/default.conf.template');

/** `${NAME}` replaced for the names given, as envsubst with a list of defined variables does. */
export function renderTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, (whole, name: string) => (name in vars ? vars[name]! : whole));
}

export function nginxPath(): string {
  const found = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => p && existsSync(p));
  if (!found) throw new Error('nginx not found: apt-get install -y nginx (or set NGINX_PATH)');
  return found;
}

export interface NginxServer {
  url: string;
  stop(): Promise<void>;
}

export async function startNginx(options: { root: string; couchUpstream: string; couchOrigin?: string }): Promise<NginxServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kujira-nginx-'));
  for (const sub of ['logs', 'tmp']) mkdirSync(join(dir, sub));
  const port = await freePort();
  const site = renderTemplate(readFileSync(NGINX_TEMPLATE, 'utf8'), {
    KUJIRA_LISTEN: `127.0.0.1:${port}`,
    KUJIRA_ROOT: resolve(options.root),
    COUCHDB_UPSTREAM: options.couchUpstream,
    KUJIRA_COUCHDB_ORIGIN: options.couchOrigin ?? '',
  });
  writeFileSync(join(dir, 'site.conf'), site);
  // The image's nginx.conf, reduced to what a test needs: its own pid, logs and temp files.
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  include ${dir}/site.conf;
}
`,
  );
  const child: ChildProcess = spawn(nginxPath(), ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited ${child.exitCode}: ${stderr}`);
    try {
      await fetch(`${url}/robots.txt`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer on ${url}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
