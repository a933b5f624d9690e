import { CareTeamAddInput, CareTeamCandidateList, CareTeamCandidateQuery, CareTeamEntry, CareTeamList, CareTeamMemberParams, CareTeamParams, CareTeamQuery, HandoverInput, HandoverList, HandoverParams, HandoverQuery, HandoverView, PendingHandover } from '@samsyn/core';
import { withChildAccess, withChildWrite } from '../access/gate.ts';
import { withRefusalsLogged } from '../access/refusals.ts';
import { errorResponses, type App } from '../http/types.ts';
import { addMember, endMember, findCandidates, listTeam } from './service.ts';
import { callersHandovers, decide, decidedLimit, pendingHandoverView, proposeHandover } from './handovers.ts';
import { pendingHandoverOf } from './handover-queries.ts';

export async function careTeamRoutes(app: App): Promise<void> {
  app.get('/api/children/:id/care-team', {
    schema: {
      tags: ['care team'],
      summary: "The child's care team now, or with history=true every membership there has been (logged)",
      params: CareTeamParams,
      querystring: CareTeamQuery,
      response: { 200: CareTeamList, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => {
      const history = request.query.history === true;
      const access = await withChildAccess(request, request.params.id, 'read', 'care_team', { auditAction: 'child.care_team.read', details: { history } });
      return { members: await listTeam(request, access, history) };
    },
  });

  app.post('/api/children/:id/care-team', {
    schema: {
      tags: ['care team'],
      summary: 'Add a member: from another organisation only with a consent that reaches it or a stated legal ground (named person or lead professional; logged)',
      params: CareTeamParams,
      body: CareTeamAddInput,
      response: { 201: CareTeamEntry, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const member = await withChildWrite(request, request.params.id, 'care_team', { auditAction: 'child.care_team.add' }, (trx, access) => addMember(trx, request, access, request.body));
      return reply.status(201).send(member);
    },
  });

  app.get('/api/children/:id/care-team/candidates', {
    schema: {
      tags: ['care team'],
      summary: 'Colleagues to add to the team or hand over to, by name, username, title, organisation or unit, with the bases open for each place they work; `more` when there are more than shown (named person or lead professional; logged)',
      params: CareTeamParams,
      querystring: CareTeamCandidateQuery,
      response: { 200: CareTeamCandidateList, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => {
      // A search serves only a change of the team, so the gate is asked for that change: whoever
      // may not make it is refused in one entry, instead of a read logged and then refused.
      const access = await withChildAccess(request, request.params.id, 'write', 'care_team', { auditAction: 'child.care_team.candidates' });
      return withRefusalsLogged(request, access, 'child.care_team.candidates', () => findCandidates(request, access, request.query.query));
    },
  });

  app.post('/api/children/:id/care-team/:memberId/end', {
    schema: {
      tags: ['care team'],
      summary: 'End a membership; it stays in the history. A role change is an end and an add (logged)',
      params: CareTeamMemberParams,
      response: { 200: CareTeamEntry, ...errorResponses(401, 403, 404, 409) },
    },
    handler: async (request) => {
      const options = { auditAction: 'child.care_team.end' as const, details: { memberId: request.params.memberId } };
      return withChildWrite(request, request.params.id, 'care_team', options, (trx, access) => endMember(trx, access, request.params.memberId));
    },
  });

  app.post('/api/children/:id/handovers', {
    schema: {
      tags: ['care team'],
      summary: 'Propose the next named person at a transition between life stages (the current named person; logged)',
      params: CareTeamParams,
      body: HandoverInput,
      response: { 201: HandoverView, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const proposed = await withChildWrite(request, request.params.id, 'care_team', { auditAction: 'child.handover.propose' }, (trx, access) => proposeHandover(trx, request, access, request.body));
      return reply.status(201).send(proposed);
    },
  });

  app.get('/api/children/:id/handovers/pending', {
    schema: {
      tags: ['care team'],
      summary: "The child's pending handover of the named person, if any, as its team sees it (logged)",
      params: CareTeamParams,
      response: { 200: PendingHandover, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => {
      const access = await withChildAccess(request, request.params.id, 'read', 'care_team', { auditAction: 'child.handover.read' });
      return { handover: pendingHandoverView(await pendingHandoverOf(request.server.services.db, access.childId), access) };
    },
  });

  app.post('/api/handovers/:id/withdraw', {
    schema: {
      tags: ['care team'],
      summary: 'Withdraw a pending handover you proposed; the receiver is told (logged)',
      params: HandoverParams,
      response: { 200: HandoverView, ...errorResponses(401, 403, 404, 409) },
    },
    handler: async (request) => decide(request, request.params.id, 'withdraw'),
  });

  app.get('/api/handovers', {
    schema: {
      tags: ['care team'],
      summary: `The caller's handovers: pending ones waiting for their answer or proposed by them, and the ${decidedLimit} latest decided ones they received, handed over or proposed; the child's name only where the caller may read the record (logged)`,
      querystring: HandoverQuery,
      response: { 200: HandoverList, ...errorResponses(400, 401) },
    },
    handler: async (request) => ({ handovers: await callersHandovers(request, request.query.status) }),
  });

  app.post('/api/handovers/:id/accept', {
    schema: {
      tags: ['care team'],
      summary: 'Accept a handover: the receiver becomes named person; the previous one stays as a member or leaves, as the proposal said, and is told (logged)',
      params: HandoverParams,
      response: { 200: HandoverView, ...errorResponses(401, 403, 404, 409) },
    },
    handler: async (request) => decide(request, request.params.id, 'accept'),
  });

  app.post('/api/handovers/:id/decline', {
    schema: {
      tags: ['care team'],
      summary: 'Decline a handover; the named person stays (logged)',
      params: HandoverParams,
      response: { 200: HandoverView, ...errorResponses(401, 403, 404, 409) },
    },
    handler: async (request) => decide(request, request.params.id, 'decline'),
  });
}
