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
        description: 'Samsyn: a shared view for children and young people 0–18. All errors have the shape {"error":{"code","message","details"?}}. State-changing requests need the header x-csrf-token from GET /api/auth/csrf.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'samsyn_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { deepLinking: false } });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}
