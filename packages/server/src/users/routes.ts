import { z } from 'zod';
import { administeredOrganisations, Id, isAdministrator, User, UserCreate, UserUpdate } from '@samsyn/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses, requireActor, type Actor, type App } from '../http/types.ts';
import { listUsers } from './queries.ts';
import { createUser, findVisibleUser, updateUser } from './service.ts';

const UserParams = z.object({ id: Id });

function administrator(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (!isAdministrator(a)) throw new AppError('forbidden');
  return a;
}

export async function userRoutes(app: App, deps: { db: Kysely<DB> }): Promise<void> {
  const { db } = deps;

  app.get('/api/users', {
    schema: {
      tags: ['users'],
      summary: 'Users with a role in an organisation you administer',
      response: { 200: z.array(User), ...errorResponses(401, 403) },
    },
    handler: async (request) => {
      const scope = administeredOrganisations(administrator(request.actor));
      return listUsers(db, scope === 'all' ? {} : { organisationIds: scope });
    },
  });

  app.get('/api/users/:id', {
    schema: { tags: ['users'], summary: 'One user', params: UserParams, response: { 200: User, ...errorResponses(401, 403, 404) } },
    handler: async (request) => findVisibleUser(db, administrator(request.actor), request.params.id),
  });

  app.post('/api/users', {
    schema: {
      tags: ['users'],
      summary: 'Create a local account with roles in organisations you administer',
      body: UserCreate,
      response: { 201: User, ...errorResponses(400, 401, 403, 409) },
    },
    handler: async (request, reply) => {
      const user = await createUser(db, request, administrator(request.actor), request.body);
      return reply.status(201).send(user);
    },
  });

  app.patch('/api/users/:id', {
    schema: {
      tags: ['users'],
      summary: 'Edit, deactivate (active=false), reset the password of, or change the roles of a user',
      params: UserParams,
      body: UserUpdate,
      response: { 200: User, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => updateUser(db, request, administrator(request.actor), request.params.id, request.body),
  });
}
