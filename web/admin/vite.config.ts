import react from '@vitejs/plugin-react';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defineConfig, type Plugin } from 'vite';

/**
 * The admin dashboard: built into dist/admin and served by the engine at /admin.
 *
 * `npx vite --config web/admin/vite.config.ts` runs it against a local engine
 * (REGULARS_DEV_API, default http://localhost:3111). With REGULARS_DEV_KEY=sk_… the dev server
 * signs its proxied /v1 calls with that secret key and answers /v1/session itself as an owner,
 * for engines that have no dashboard users yet. Neither reaches the build.
 */
const api = process.env.REGULARS_DEV_API ?? 'http://localhost:3111';
const devKey = process.env.REGULARS_DEV_KEY;

export default defineConfig({
  root: import.meta.dirname,
  base: '/admin/',
  logLevel: 'warn',
  plugins: [react(), ...(devKey ? [devSession(devKey)] : [])],
  build: {
    outDir: '../../dist/admin',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/v1': { target: api, changeOrigin: true, headers: devKey ? { authorization: `Bearer ${devKey}` } : {} },
    },
  },
});

/** Dev only: a signed-in owner of the key's program, so the pages run before sessions exist. */
function devSession(key: string): Plugin {
  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.statusCode = status;
    if (body === undefined) return res.end();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  };
  return {
    name: 'regulars-dev-session',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/v1/session', (req: IncomingMessage, res: ServerResponse) => {
        if (req.method === 'DELETE') return send(res, 204);
        fetch(`${api}/v1/program`, { headers: { authorization: `Bearer ${key}` } })
          .then((r) => r.json() as Promise<{ id: string; name: string }>)
          .then((p) => {
            const program = { id: p.id, name: p.name, role: 'owner' };
            send(res, 200, { object: 'session', user: { id: 'usr_dev', email: 'dev@localhost', name: 'Developer' }, programs: [program], program, csrf_token: 'dev' });
          })
          .catch((error: Error) => send(res, 502, { error: { type: 'internal', code: 'dev_proxy', message: error.message } }));
      });
    },
  };
}
