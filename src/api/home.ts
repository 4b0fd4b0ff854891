import type { FastifyPluginAsync } from 'fastify';

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Regulars</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1f2328; }
  h1 { font-size: 1.6rem; margin-bottom: .25rem; }
  a { color: #0b57d0; }
  li { margin: .4rem 0; }
  code { background: #f3f4f6; padding: .1rem .3rem; border-radius: .25rem; }
</style>
</head>
<body>
<main>
<h1>Regulars is running</h1>
<p>A self-hosted loyalty and retention engine. This server answers its REST API under <code>/v1</code>.</p>
<ul>
  <li><a href="/docs">API reference</a>: every endpoint, with examples</li>
  <li><a href="/openapi.json">OpenAPI document</a>: the contract, for code generators</li>
  <li><a href="/healthz">Health</a> and <a href="/readyz">readiness</a>: for load balancers</li>
</ul>
<p>Send the secret key printed on first start as <code>Authorization: Bearer sk_…</code>.</p>
</main>
</body>
</html>
`;

/** What a browser opening the server's address sees: what runs here and where to go next. */
export const homeRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
};
