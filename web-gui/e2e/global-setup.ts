import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { ADMIN_PASSWORD } from './lake';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const SERVER_JAR = join(ROOT, 'lake-server', 'target', 'lake-server.jar');

/**
 * Starts the packaged all-in-one lake (lake-server.jar, with the GUI on its classpath) on a free loopback port with
 * an empty data directory, waits for /health, and stops it afterwards. ZONELAKE_E2E_URL uses a running lake instead
 * (its admin password in ZONELAKE_E2E_ADMIN_PASSWORD); ZONELAKE_E2E_GUI_DIR serves a freshly built GUI directory.
 */
export default async function globalSetup() {
  if (process.env.ZONELAKE_E2E_URL) return;
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'zonelake-e2e-'));
  const log = openSync(join(dataDir, 'server.log'), 'a');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ZONELAKE_DATA_DIR: join(dataDir, 'data'),
    ZONELAKE_HTTP_PORT: String(port),
    ZONELAKE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ZONELAKE_METADATA_EMBEDDED_PORT: '0',
  };
  if (process.env.ZONELAKE_E2E_GUI_DIR) env.ZONELAKE_HTTP_STATIC_FILES_DIRECTORY = resolve(process.env.ZONELAKE_E2E_GUI_DIR);
  const server = spawn('java', ['-Xmx2g', '-jar', SERVER_JAR], { env, stdio: ['ignore', log, log] });
  const url = `http://127.0.0.1:${port}`;
  try {
    await awaitHealthy(url, server, 120_000);
  } catch (e) {
    server.kill('SIGKILL');
    throw new Error(`The lake did not start (log in ${dataDir}/server.log): ${String(e)}`);
  }
  process.env.ZONELAKE_E2E_URL = url;
  process.env.ZONELAKE_E2E_ADMIN_PASSWORD = ADMIN_PASSWORD;
  return async () => {
    await stop(server);
    if (!process.env.ZONELAKE_E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

async function awaitHealthy(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no healthy answer from ${url}/health within ${timeoutMs} ms`);
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}
