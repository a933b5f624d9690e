import { ChildParams, InvitationInput, InvitationParams, InvitationReplyInput, InvitationView, OpenInvitationList, PlanMeetingInput, PlanMeetingList, PlanMeetingParams, PlanMeetingUpdateInput, PlanParams, SipRequestAnswerInput, SipRequestInput, SipRequestList, SipRequestParams } from '@samsyn/core';
import { withChildAccess, withChildAction, withChildWrite } from '../access/gate.ts';
import { errorResponses, requireActor, type App } from '../http/types.ts';
import type { InvitationKind } from '../db/schema-plan-meetings.ts';
import { gatedOpenInvitations, invitedProfessionally, inviteeBasis, openInvitation, ownInvitation, replyToInvitation } from './meeting-invitations.ts';
import { createMeeting, meetingList, readablePlan, sendInvitation, updateMeeting } from './meetings.ts';
import { answerRequest, createRequest, listRequests } from './requests.ts';
import { PreparationNoteInput, PreparationNoteList, readPreparationNotes, savePreparationNote } from './preparation-notes.ts';

/**
 * The way to a SIP meeting: the request for a SIP and its answer, a plan's meetings, and the
 * summonses and invitations with their receipts and replies. Every call asks the gate and leaves
 * one entry; changes are writes of the category `plan` decided inside their transaction; the
 * family's reply is the gate's `give_consent`, as its approval of a plan is.
 */
export async function planMeetingRoutes(app: App): Promise<void> {
  app.get('/api/children/:id/sip-requests', {
    schema: { tags: ['plans'], summary: 'The requests for a SIP between the principals, with the days passed and the deadline; empty for anyone but the principals’ team members (logged)', params: ChildParams, response: { 200: SipRequestList, ...errorResponses(401, 403, 404) } },
    handler: async (request) => listRequests(request, await withChildAccess(request, request.params.id, 'read', 'record', { auditAction: 'child.sip_request.list' })),
  });

  app.post('/api/children/:id/sip-requests', {
    schema: { tags: ['plans'], summary: 'Ask the other principal for a SIP; its deadline is the local setting’s days from today (logged)', params: ChildParams, body: SipRequestInput, response: { 201: SipRequestList, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => reply.status(201).send(await withChildWrite(request, request.params.id, 'plan', { auditAction: 'child.sip_request.create' }, (trx, access) => createRequest(trx, request, access, request.body))),
  });

  app.post('/api/children/:id/sip-requests/:requestId/answer', {
    schema: { tags: ['plans'], summary: 'The other principal accepts (linking the SIP) or refuses with a written reason (logged)', params: SipRequestParams, body: SipRequestAnswerInput, response: { 200: SipRequestList, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request) => withChildWrite(request, request.params.id, 'plan', { auditAction: 'child.sip_request.answer', details: { requestId: request.params.requestId } }, (trx, access) => answerRequest(trx, request, access, request.params.requestId, request.body)),
  });

  app.get('/api/children/:id/plans/:planId/meetings', {
    schema: { tags: ['plans'], summary: 'The plan’s meetings: the team sees invitees, attendance, notes and decisions; the family the time, the place and its own invitation (logged)', params: PlanParams, response: { 200: PlanMeetingList, ...errorResponses(401, 403, 404) } },
    handler: async (request) => {
      const access = await withChildAccess(request, request.params.id, 'read', 'record', { auditAction: 'child.plan.meeting.list', details: { planId: request.params.planId } });
      const { db } = request.server.services;
      return meetingList(db, request, access, await readablePlan(db, request, access, request.params.planId));
    },
  });

  app.post('/api/children/:id/plans/:planId/meetings', {
    schema: { tags: ['plans'], summary: 'Book a meeting of the plan (a participant of the open plan; logged)', params: PlanParams, body: PlanMeetingInput, response: { 201: PlanMeetingList, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => reply.status(201).send(await withChildWrite(request, request.params.id, 'plan', { auditAction: 'child.plan.meeting.create', details: { planId: request.params.planId } }, (trx, access) => createMeeting(trx, request, access, request.params.planId, request.body))),
  });

  app.patch('/api/children/:id/plans/:planId/meetings/:meetingId', {
    schema: { tags: ['plans'], summary: 'Record the meeting: time and place, attendance, notes, decisions, held (a participant; logged without the text)', params: PlanMeetingParams, body: PlanMeetingUpdateInput, response: { 200: PlanMeetingList, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request) => withChildWrite(request, request.params.id, 'plan', { auditAction: 'child.plan.meeting.update', details: { planId: request.params.planId, meetingId: request.params.meetingId } }, (trx, access) => updateMeeting(trx, request, access, request.params.planId, request.params.meetingId, request.body)),
  });

  app.post('/api/children/:id/plans/:planId/meetings/:meetingId/invitations', {
    schema: { tags: ['plans'], summary: 'Send a summons (kallelse) to an obliged principal or an invitation (inbjudan) to others or the family; a notice e-mail without personal data follows the commit (the planning lead; logged)', params: PlanMeetingParams, body: InvitationInput, response: { 201: PlanMeetingList, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => {
      const sent = await withChildWrite(request, request.params.id, 'plan', { auditAction: 'child.plan.meeting.invite', details: { planId: request.params.planId, meetingId: request.params.meetingId } }, (trx, access) => sendInvitation(trx, request, access, request.params.planId, request.params.meetingId, request.body));
      const { mailer, config } = request.server.services;
      // After the commit, and not awaited: the invitation is in the invitee's tasks whatever the mail does.
      if (sent.mailTo && mailer.enabled) void mailer.send(noticeMail(sent.mailTo, sent.kind, config.appUrl));
      return reply.status(201).send(sent.list);
    },
  });

  app.get('/api/children/:id/plans/:planId/preparation-notes', {
    schema: { tags: ['plans'], summary: 'The team’s preparation notes for the plan’s meeting: who brings what (the team only; logged)', params: PlanParams, response: { 200: PreparationNoteList, ...errorResponses(401, 403, 404) } },
    handler: async (request) => readPreparationNotes(request, await withChildAccess(request, request.params.id, 'read', 'record', { auditAction: 'child.plan.preparation_note.read', details: { planId: request.params.planId } }), request.params.planId),
  });

  app.post('/api/children/:id/plans/:planId/preparation-notes', {
    schema: { tags: ['plans'], summary: 'A participant of the open plan saves what they bring to the meeting; empty takes it back (logged without the text)', params: PlanParams, body: PreparationNoteInput, response: { 200: PreparationNoteList, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request) => withChildWrite(request, request.params.id, 'plan', { auditAction: 'child.plan.preparation_note.save', details: { planId: request.params.planId } }, (trx, access) => savePreparationNote(trx, request, access, request.params.planId, request.body)),
  });

  app.get('/api/me/meeting-invitations', {
    schema: { tags: ['plans'], summary: 'The caller’s open summonses and invitations (ids and times only), gated per child: one entry for the look; each is opened through the gate', response: { 200: OpenInvitationList, ...errorResponses(401) } },
    handler: async (request) => ({ invitations: await gatedOpenInvitations(request) }),
  });

  app.get('/api/children/:id/meeting-invitations/:invitationId', {
    schema: { tags: ['plans'], summary: 'The caller opens their own summons or invitation; the first look is its read receipt (logged)', params: InvitationParams, response: { 200: InvitationView, ...errorResponses(401, 403, 404) } },
    handler: async (request) => {
      const { id, invitationId } = request.params;
      const own = await ownInvitation(request, id, invitationId, 'child.meeting_invitation.read');
      const options = { auditAction: 'child.meeting_invitation.read' as const, details: { invitationId } };
      // A professional summoned or invited reads their own invitation on the invitee's basis where the gate refuses: it holds no child data.
      const access = invitedProfessionally(own.kind, requireActor(request.actor).kind) ? await withChildAccess(request, id, 'read', 'record', { ...options, areaBasis: inviteeBasis }) : await withChildAccess(request, id, 'read', 'record', options);
      return openInvitation(request.server.services.db, access.childId, invitationId, access.now);
    },
  });

  app.post('/api/children/:id/meeting-invitations/:invitationId/reply', {
    schema: { tags: ['plans'], summary: 'The invitee answers: coming or not, with a comment (a professional as a write of the plan; the family as its give_consent; logged)', params: InvitationParams, body: InvitationReplyInput, response: { 200: InvitationView, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request) => {
      const { id, invitationId } = request.params;
      const own = await ownInvitation(request, id, invitationId, 'child.meeting_invitation.reply');
      const options = { auditAction: 'child.meeting_invitation.reply' as const, details: { invitationId, meetingId: own.meeting_id, reply: request.body.reply } };
      const actor = requireActor(request.actor);
      if (own.kind === 'family') return withChildAction(request, id, 'give_consent', options, (trx, access) => replyToInvitation(trx, access.childId, invitationId, actor.userId, access.now, request.body));
      // The addressee's own answer: a write of the plan on the gate's basis, else on the invitee's own.
      if (invitedProfessionally(own.kind, actor.kind)) return withChildWrite(request, id, 'plan', { ...options, areaBasis: inviteeBasis }, (trx, answer) => replyToInvitation(trx, answer.childId, invitationId, actor.userId, answer.now, request.body));
      return withChildWrite(request, id, 'plan', options, (trx, access) => replyToInvitation(trx, access.childId, invitationId, actor.userId, access.now, request.body));
    },
  });
}

/** The notice: that something waits in Samsyn, and where. No name, no identity number, no time or place. */
export function noticeMail(to: string, kind: InvitationKind, appUrl: string) {
  const what = kind === 'summons' ? 'en ny kallelse' : 'en ny inbjudan';
  return { to, subject: `Du har ${what} i Samsyn`, text: `Du har ${what} i Samsyn.\n\nLogga in för att läsa den och svara: ${appUrl}\n\nDet här meddelandet innehåller inga personuppgifter.` };
}

