/**
 * The stable error codes of the API. Clients match on the code, never on the message;
 * messages live in the translation files (`i18n/errors.*.json`).
 */
export const errorStatus = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_credentials: 401,
  unauthenticated: 401,
  session_expired: 401,
  csrf_invalid: 403,
  forbidden: 403,
  access_denied: 403,
  account_inactive: 401,
  not_found: 404,
  conflict: 409,
  username_taken: 409,
  weak_password: 400,
  wrong_current_password: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  login_throttled: 429,
  rate_limited: 429,
  // Issue 11: accounts and requests.
  bad_request: 400,
  invalid_characters: 400,
  password_unchanged: 400,
  idempotency_key_invalid: 400,
  own_roles_forbidden: 403,
  second_admin_required: 403,
  password_change_required: 403,
  method_not_allowed: 405,
  request_timeout: 408,
  idempotency_in_progress: 409,
  uri_too_long: 414,
  idempotency_key_reused: 422,
  headers_too_large: 431,
  // Issue 12: how a child enters Samsyn.
  child_exists: 409,
  register_file_invalid: 400,
  register_import_state: 409,
  internal_error: 500,
  // Issue 15: statistics fetched from another service (Kolada) that did not answer as it should.
  upstream_unavailable: 502,
  // Issue 14: plans. A save on a stale revision; a SIP established before its legal contents are there; a step the plan's state refuses.
  plan_revision_conflict: 409,
  sip_contents_missing: 409,
  plan_state: 409,
  // Issue 14: a SIP request already answered, or one open already; a meeting or invitation the plan's state refuses.
  sip_request_state: 409,
  meeting_state: 409,
  // Issue 15: survey microdata.
  survey_file_invalid: 400,
  survey_import_state: 409,
  // Issue 15: local statistics (CSV or Excel): a file whose mapped columns are not there or that cannot be read; an import already running.
  local_file_invalid: 400,
  local_import_state: 409,
  // Issue 16: a forum's decision marked as taken before its child-rights impact assessment is done or not needed.
  decision_assessment_required: 409,
  // Issue 16: an agreement must keep at least one owner (who answers for it and gets the revision reminder).
  agreement_owner_required: 409,
  // Issue 17: improvement work. A change to a team's project from someone not on the team.
  not_team_member: 403,
  // Issue 17: the fund. A decision before its child-rights impact assessment; a step the application's state refuses.
  fund_assessment_required: 409,
  fund_application_state: 409,
  // Issue 17: the newsletter. A step the state refuses (publish twice, send a draft or twice, send without e-mail).
  newsletter_state: 409,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorCodes = Object.keys(errorStatus) as ErrorCode[];

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
