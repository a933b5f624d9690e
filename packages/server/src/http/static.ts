import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './types.ts';
import { sendError } from './errors.ts';
import { isApiPath } from './context.ts';

/**
 * Serves the built web app and answers deep links with its index.html; unknown /api
 * paths get the JSON 404 instead, so API clients never receive a web page.
 */
export async function installWebApp(app: App, distDir: string): Promise<void> {
  const hasWeb = existsSync(path.join(distDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: distDir,
      index: false,
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    });
    // With index: false the static plugin refuses the root directory; "/" is the app itself.
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.type('text/html').sendFile('index.html', { cacheControl: false }));
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !isApiPath(request);
    if (wantsPage && hasWeb) return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    return sendError(request, reply, 'not_found');
  });
}
