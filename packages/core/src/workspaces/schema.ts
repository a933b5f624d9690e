import { z } from 'zod';
import { PublicFeedbackItem } from '../public-pages/schema.ts';

/**
 * Workspaces (arbetsplatsytor), the operations level: members from any organisation (non-profits
 * included), notices, documents with every version kept, one discussion thread and a calendar of
 * meetings. No child's data: nothing here names a child. A workspace may belong to a forum, a
 * working group, a learning network or a project (kind + id), so those areas attach to it later.
 */

export const workspaceBelongsToKinds = ['forum', 'working_group', 'learning_network', 'project'] as const;
export const WorkspaceBelongsToKind = z.enum(workspaceBelongsToKinds);
export const workspaceMemberRoles = ['owner', 'member'] as const;
export const WorkspaceMemberRole = z.enum(workspaceMemberRoles);
export type WorkspaceMemberRole = z.infer<typeof WorkspaceMemberRole>;
export const workspaceNoticeKinds = ['post', 'document_version', 'meeting', 'member_added', 'join_requested', 'join_answered', 'feedback'] as const;
export const joinRequestStates = ['pending', 'accepted', 'declined'] as const;

/** The largest document version stored (bytes): the database keeps them, so they stay small. */
export const workspaceDocumentMaxBytes = 512 * 1024;
/** The media types a document may have; anything else is refused (415). */
export const workspaceDocumentTypes = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'text/plain',
  'text/csv',
  'image/png',
  'image/jpeg',
] as const;
export const WorkspaceDocumentType = z.enum(workspaceDocumentTypes);

const text = (max: number) => z.string().trim().min(1).max(max);
const When = z.iso.datetime({ offset: true });

export const WorkspaceParams = z.object({ id: z.uuid() });
export const WorkspaceMemberParams = z.object({ id: z.uuid(), userId: z.uuid() });
export const WorkspaceRequestParams = z.object({ id: z.uuid(), requestId: z.uuid() });
export const WorkspaceDocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });
export const WorkspaceVersionParams = z.object({ id: z.uuid(), documentId: z.uuid(), version: z.coerce.number().int().min(1) });
export const WorkspaceMeetingParams = z.object({ id: z.uuid(), meetingId: z.uuid() });

const BelongsTo = z.object({ kind: WorkspaceBelongsToKind, id: z.uuid().nullable().default(null) });

export const WorkspaceInput = z.object({
  name: text(200),
  description: z.string().trim().max(2000).default(''),
  openToJoin: z.boolean().default(false),
  belongsTo: BelongsTo.nullable().default(null),
});
export type WorkspaceInput = z.infer<typeof WorkspaceInput>;
export const WorkspaceUpdate = z.object({ name: text(200), description: z.string().trim().max(2000), openToJoin: z.boolean(), belongsTo: BelongsTo.nullable() }).partial().refine((u) => Object.keys(u).length > 0, 'empty_update');
export type WorkspaceUpdate = z.infer<typeof WorkspaceUpdate>;

export const MemberInput = z.object({ userId: z.uuid(), role: WorkspaceMemberRole.default('member') });
export const MemberUpdate = z.object({ role: WorkspaceMemberRole });
export const JoinRequestInput = z.object({ message: z.string().trim().max(1000).default('') });
export const JoinAnswerInput = z.object({ accept: z.boolean() });
export const PostInput = z.object({ body: text(5000) });
export const DocumentInput = z.object({ title: text(200) });
export const VersionInput = z.object({
  // No path separators or control characters: the name goes into a download header.
  fileName: text(200).refine((n) => ![...n].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 32), 'invalid_file_name'),
  mediaType: WorkspaceDocumentType,
  /** The file, base64; at most `workspaceDocumentMaxBytes` once decoded. */
  contentBase64: z.string().min(1).max(Math.ceil(workspaceDocumentMaxBytes / 3) * 4 + 4),
  note: z.string().trim().max(500).default(''),
});
export type VersionInput = z.infer<typeof VersionInput>;
export const WorkspaceMeetingInput = z
  .object({ title: text(200), startsAt: When, endsAt: When, location: z.string().trim().max(300).default(''), agenda: z.string().trim().max(4000).default('') })
  .refine((m) => Date.parse(m.startsAt) < Date.parse(m.endsAt), { message: 'ends_before_start', path: ['endsAt'] });
export type WorkspaceMeetingInput = z.infer<typeof WorkspaceMeetingInput>;

const Person = z.object({ id: z.uuid(), name: z.string() });

export const WorkspaceSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  openToJoin: z.boolean(),
  belongsTo: z.object({ kind: WorkspaceBelongsToKind, id: z.uuid().nullable() }).nullable(),
  memberCount: z.number().int(),
  /** Your role, or null when you are not a member. */
  myRole: WorkspaceMemberRole.nullable(),
  unreadNotices: z.number().int(),
  /** Whether your request to join waits for an answer. */
  requestPending: z.boolean(),
  canRequestJoin: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;
export const WorkspaceList = z.object({ workspaces: z.array(WorkspaceSummary) });
export type WorkspaceList = z.infer<typeof WorkspaceList>;

export const WorkspaceMemberView = z.object({ user: Person, organisation: z.object({ id: z.uuid(), name: z.string(), kind: z.string(), partnerType: z.string().nullable() }), role: WorkspaceMemberRole, addedAt: z.iso.datetime() });
export const JoinRequestView = z.object({ id: z.uuid(), user: Person, organisationName: z.string(), message: z.string(), state: z.enum(joinRequestStates), requestedAt: z.iso.datetime() });
export const WorkspaceNoticeView = z.object({ id: z.uuid(), kind: z.enum(workspaceNoticeKinds), title: z.string(), actor: Person.nullable(), createdAt: z.iso.datetime(), unread: z.boolean() });
export const PostView = z.object({ id: z.uuid(), author: Person, body: z.string(), createdAt: z.iso.datetime() });
export const VersionView = z.object({ version: z.number().int(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), sha256: z.string(), note: z.string(), uploadedBy: Person, uploadedAt: z.iso.datetime() });
export const DocumentView = z.object({ id: z.uuid(), title: z.string(), versions: z.array(VersionView), updatedAt: z.iso.datetime() });
export const WorkspaceMeetingView = z.object({ id: z.uuid(), title: z.string(), startsAt: z.iso.datetime(), endsAt: z.iso.datetime(), location: z.string(), agenda: z.string(), past: z.boolean() });

export const WorkspaceView = WorkspaceSummary.extend({
  members: z.array(WorkspaceMemberView),
  /** Pending requests to join: shown to owners only (empty for others). */
  joinRequests: z.array(JoinRequestView),
  notices: z.array(WorkspaceNoticeView),
  posts: z.array(PostView),
  documents: z.array(DocumentView),
  meetings: z.array(WorkspaceMeetingView),
  /** A forum's workspace: the visitors' questions from the public pages the forum owns (issue 16: the feedback lands here). */
  feedback: z.array(PublicFeedbackItem),
  /** What the server allows you here: the web app shows these actions and no others. */
  actions: z.object({ edit: z.boolean(), manageMembers: z.boolean() }),
});
export type WorkspaceView = z.infer<typeof WorkspaceView>;
