/** The API's schemas for adding a child, importing a register file and correcting identity data. */
import { z } from 'zod';
import { ProtectedIdentityLevel } from '../children/schema.ts';
import { OrganisationKind } from '../organisations/schema.ts';
import { changeFields } from './plan.ts';
import { registerColumns } from './columns.ts';

const name = z.string().trim().min(1, { message: 'required' }).max(100, { message: 'too_long' });
const optionalText = (max: number) => z.string().trim().max(max, { message: 'too_long' }).nullable().optional();
/** `12345` or `123 45`. */
export const PostalCodeInput = z.string().trim().regex(/^\d{3} ?\d{2}$/, { message: 'postal_code_format' });

export const GuardianInput = z.object({
  identityNumber: z.string().trim().min(1, { message: 'required' }).max(20),
  givenName: name,
  familyName: name,
  phone: optionalText(40),
  email: z.email({ message: 'email' }).max(200).nullable().optional(),
});

/** A child's identity: a personnummer or samordningsnummer, or a reserve number Samsyn gives (birth date, sex if known). */
export const NewChildIdentity = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('number'), identityNumber: z.string().trim().min(1, { message: 'required' }).max(20) }),
  z.object({ kind: z.literal('reserve'), birthDate: z.iso.date({ message: 'date' }), sex: z.enum(['female', 'male']).nullable() }),
]);

export const ChildCreateInput = z.object({
  /** The organisation the creator works for here (they join the team for it); needed when they work for several. */
  organisationId: z.uuid().optional(),
  identity: NewChildIdentity,
  givenName: name,
  familyName: name,
  streetAddress: optionalText(200),
  postalCode: PostalCodeInput.nullable().optional(),
  city: optionalText(100),
  /** The home municipality: chosen by a region's professional, fixed for a municipality's. */
  homeOrganisationId: z.uuid().optional(),
  schoolUnitId: z.uuid().nullable().optional(),
  protectedIdentity: ProtectedIdentityLevel.nullable(),
  guardians: z.array(GuardianInput).max(4),
  /** The creator's place on the new team. */
  role: z.enum(['named_person', 'lead_professional']).default('lead_professional'),
});
export type ChildCreateInput = z.infer<typeof ChildCreateInput>;

export const ChildCreated = z.object({ id: z.uuid(), identityNumber: z.string(), identityKind: z.enum(['personnummer', 'samordningsnummer', 'reservnummer']) });

export const NamedRef = z.object({ id: z.uuid(), name: z.string() });

/** What the "Nytt barn" form offers its user: where they work, the home municipalities and the schools. */
export const ChildCreateOptions = z.object({
  places: z.array(z.object({
    organisationId: z.uuid(),
    organisationName: z.string(),
    kind: OrganisationKind,
    /** Null: the home municipality is the organisation itself. */
    homeMunicipalities: z.array(NamedRef).nullable(),
  })),
  schoolUnits: z.array(z.object({ id: z.uuid(), name: z.string(), organisationId: z.uuid(), organisationName: z.string() })),
});
export type ChildCreateOptions = z.infer<typeof ChildCreateOptions>;

// --- Identity correction

export const IdentityCorrectionInput = z
  .object({
    reason: z.string().trim().min(3, { message: 'too_short' }).max(500, { message: 'too_long' }),
    identityNumber: z.string().trim().min(1).max(20).optional(),
    givenName: name.optional(),
    familyName: name.optional(),
    protectedIdentity: ProtectedIdentityLevel.nullable().optional(),
    streetAddress: optionalText(200),
    postalCode: PostalCodeInput.nullable().optional(),
    city: optionalText(100),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'reason'), { message: 'empty_update' });
export type IdentityCorrectionInput = z.infer<typeof IdentityCorrectionInput>;

export const identityFields = ['identity_number', 'given_name', 'family_name', 'protected_identity', 'street_address', 'postal_code', 'city', 'school_unit', 'guardian_added'] as const;
export const IdentityField = z.enum(identityFields);
export type IdentityField = z.infer<typeof IdentityField>;

/** The register's data of one child, as its administrator sees it to correct it (no record, no team). */
export const ChildIdentityView = z.object({
  id: z.uuid(),
  identityNumber: z.string(),
  birthDate: z.iso.date(),
  /** Null, like the address, when a protected identity hides it. */
  name: z.object({ givenName: z.string(), familyName: z.string() }).nullable(),
  address: z.object({ streetAddress: z.string().nullable(), postalCode: z.string().nullable(), city: z.string().nullable() }).nullable(),
  protectedIdentity: ProtectedIdentityLevel.nullable(),
  homeOrganisation: NamedRef,
  school: NamedRef.nullable(),
});
export type ChildIdentityView = z.infer<typeof ChildIdentityView>;

export const IdentityLookupResult = z.object({
  found: z.boolean(),
  /** `denied`: a record exists whose register this administrator does not keep. */
  access: z.enum(['allowed', 'denied', 'none']),
  child: ChildIdentityView.optional(),
});

export const IdentityChangeView = z.object({
  id: z.uuid(),
  field: IdentityField,
  /** Null where the value was empty, or is hidden (`hidden`) by a protected identity. */
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  hidden: z.boolean(),
  source: z.enum(['correction', 'register_import']),
  reason: z.string(),
  changedBy: z.string(),
  changedAt: z.iso.datetime(),
});
export const IdentityHistory = z.object({ changes: z.array(IdentityChangeView) });
export type IdentityHistory = z.infer<typeof IdentityHistory>;

// --- Register import

export const RegisterImportUpload = z.object({
  /** The organisation whose register it is; needed when the administrator keeps several. */
  organisationId: z.uuid().optional(),
  fileName: z.string().trim().min(1).max(255),
  /** The file's text (UTF-8). */
  content: z.string().min(1, { message: 'required' }),
});

export const RowErrorView = z.object({ column: z.enum(registerColumns.map((c) => c.key) as [string, ...string[]]).nullable(), code: z.string() });

export const PreviewRow = z.object({
  /** The row's line in the file (the header is line 1). */
  line: z.number().int(),
  /** As the file states it (formatted when valid). */
  identityNumber: z.string(),
  /** From the file; null for a row the file marks protected, a row of another register, and a row that is not valid. */
  name: z.string().nullable(),
  /** Why a valid row's name is not shown: a protected identity, or the row is another municipality's. */
  nameWithheld: z.enum(['protected_identity', 'other_register']).nullable(),
  outcome: z.enum(['create', 'change', 'unchanged', 'error']),
  changes: z.array(z.enum(changeFields)),
  newGuardians: z.number().int(),
  errors: z.array(RowErrorView),
});
export type PreviewRow = z.infer<typeof PreviewRow>;

export const RegisterImportSummary = z.object({
  id: z.uuid(),
  organisation: NamedRef,
  importedBy: z.string(),
  fileName: z.string(),
  fileSha256: z.string(),
  status: z.enum(['previewed', 'running', 'done', 'discarded', 'failed']),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  created: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  errors: z.number().int(),
  previewedAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type RegisterImportSummary = z.infer<typeof RegisterImportSummary>;

export const RegisterImportPreview = z.object({
  import: RegisterImportSummary,
  /** Headers that name no column (ignored). */
  ignoredColumns: z.array(z.string()),
  /** What the run would do, by outcome. */
  planned: z.object({ create: z.number().int(), change: z.number().int(), unchanged: z.number().int(), error: z.number().int() }),
  rows: z.array(PreviewRow),
});
export type RegisterImportPreview = z.infer<typeof RegisterImportPreview>;

export const RegisterImportList = z.object({
  imports: z.array(RegisterImportSummary),
  /** The municipalities whose register the caller keeps: where an upload may go (chosen when several). */
  registers: z.array(NamedRef),
});
export type RegisterImportList = z.infer<typeof RegisterImportList>;
