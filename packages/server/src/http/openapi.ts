import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { App } from './types.ts';
import { version } from '../version.ts';

/** The OpenAPI document is generated from the routes' zod schemas, never edited by hand. */
export async function installOpenApi(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Samsyn API',
        version,
        description: 'Samsyn: a shared view for children and young people 0–18. All errors have the shape {"error":{"code","message","details"?}}. State-changing requests need the header x-csrf-token from GET /api/auth/csrf (bound to the session: fetch it again after login and logout). A POST with a session may send Idempotency-Key: a repeat with the same key and request replays the first answer.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'samsyn_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => withIdempotencyKey(jsonSchemaTransformObject(input)),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { deepLinking: false } });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}

type Document = ReturnType<typeof jsonSchemaTransformObject>;

/** Every POST operation documents the optional Idempotency-Key header (http/idempotency.ts). */
function withIdempotencyKey(document: Document): Document {
  const paths = (document as { paths?: Record<string, Record<string, { parameters?: unknown[] }>> }).paths ?? {};
  for (const operations of Object.values(paths)) {
    const post = operations.post;
    if (!post) continue;
    post.parameters = [...(post.parameters ?? []), {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Makes a double submit one request: the same key and request replay the first answer (24 h); the same key with another request is 422.',
      schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' },
    }];
  }
  return document;
}
