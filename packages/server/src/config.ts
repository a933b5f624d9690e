import path from 'node:path';
import type { ConsentRules } from '@samsyn/core';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** The login Samsyn runs as (PostgreSQL). */
  databaseUrl: string | undefined;
  /** The schema owner's login, for migrations and grants; unset: `databaseUrl` is the owner (not in production). */
  databaseOwnerUrl: string | undefined;
  production: boolean;
  /** Idle sessions end after this many minutes without a request. */
  sessionIdleMinutes: number;
  /** Sessions end after this many hours whatever the activity. */
  sessionMaxHours: number;
  /** Cookies get `Secure` when served over TLS (set behind a TLS-terminating proxy). */
  secureCookies: boolean;
  trustProxy: boolean;
  bodyLimitBytes: number;
  demoPassword: string;
  logLevel: string;
  webDist: string | undefined;
  /**
   * Failed logins per account and per client address before each further attempt waits a delay
   * that doubles with every failure (5 s, 10 s, 20 s, …), up to maxDelayMinutes.
   */
  loginThrottle: { perAccount: number; perAddress: number; maxDelayMinutes: number };
  /** Whose consent counts, and from what age a child sees their own record. */
  consentRules: ConsentRules;
  /** How long an emergency access (nödåtkomst) lasts. */
  emergencyAccessHours: number;
  /** Registers the benchmark's ungated ceiling route: only with main.ts's --bench-routes flag, never in production. */
  benchRoutes: boolean;
  /** Signed checkpoints of the audit chain head (audit/checkpoints.ts). */
  auditCheckpoint: AuditCheckpointConfig;
  /** Kolada's open API, for imports fetched directly (a deployment with internet); files work without it. */
  koladaBaseUrl: string;
  /** The address the public site is reached at, for links in e-mail (the newsletter's confirm and unsubscribe links): never taken from a request's Host header. */
  publicUrl: string;
  /** The scheduled erasure (retention/scheduler.ts) runs once per this many hours; 0: never (tests run it by hand). */
  retentionIntervalHours: number;
  /** The inbox's notice e-mails (inbox/scheduler.ts) are swept every this many minutes; 0: never (tests sweep by hand). */
  inboxNoticeMinutes: number;
  /** The address users open Samsyn at, for links in notice e-mails (no personal data in them). */
  appUrl: string;
  /** Moves the services' clock by whole days (tests, CI's run two years ahead); never in production. */
  clockOffsetDays: number;
  /** Survey figures: a cell with fewer respondents is never shown (small-cell suppression). */
  suppressionThreshold: number;
  /** The open aggregate API: requests per minute and client address. */
  openApiPerMinute: number;
  /** Notice e-mails (mail/mailer.ts); unset: no e-mail, the in-app inbox only. */
  smtp: SmtpConfig | undefined;
  /** The local deadline for starting a requested SIP, in days from the request (SAMSYN_SIP_REQUEST_DEADLINE_DAYS). */
  sipRequestDeadlineDays: number;
}

/** An SMTP relay for notice e-mails, from SAMSYN_SMTP_* (set SAMSYN_SMTP_HOST to enable). */
export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** Refuse to send unless the server upgrades to TLS (STARTTLS). */
  requireTls: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
}

export interface AuditCheckpointConfig {
  /** The HMAC key itself (SAMSYN_AUDIT_CHECKPOINT_KEY), or */
  key: string | undefined;
  /** a file holding it (SAMSYN_AUDIT_CHECKPOINT_KEY_FILE; in development, generated in the data folder). */
  keyFile: string;
  /** Append-only JSON lines, one signed checkpoint a line. */
  file: string;
  /** A checkpoint after this many new entries … */
  everyEntries: number;
  /** … or this many seconds after the last one, whichever comes first (and one at shutdown). */
  everySeconds: number;
}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number.parseInt(value, 10);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`Not a whole number: ${value}`);
  return parsed;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = path.resolve(env.SAMSYN_DATA_DIR ?? './data');
  return {
    port: int(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseOwnerUrl: env.DATABASE_OWNER_URL || undefined,
    production: env.NODE_ENV === 'production',
    sessionIdleMinutes: int(env.SAMSYN_SESSION_IDLE_MINUTES, 30),
    sessionMaxHours: int(env.SAMSYN_SESSION_MAX_HOURS, 12),
    secureCookies: env.SAMSYN_SECURE_COOKIES === 'true',
    trustProxy: env.SAMSYN_TRUST_PROXY === 'true',
    bodyLimitBytes: int(env.SAMSYN_BODY_LIMIT_BYTES, 1024 * 1024),
    demoPassword: env.SAMSYN_DEMO_PASSWORD || 'samsyn-demo',
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    webDist: env.SAMSYN_WEB_DIST,
    loginThrottle: {
      perAccount: int(env.SAMSYN_LOGIN_MAX_FAILURES_ACCOUNT, 5),
      perAddress: int(env.SAMSYN_LOGIN_MAX_FAILURES_ADDRESS, 30),
      maxDelayMinutes: int(env.SAMSYN_LOGIN_THROTTLE_MINUTES, 15),
    },
    consentRules: {
      jointCustody: env.SAMSYN_JOINT_CUSTODY === 'either_guardian' ? 'either_guardian' : 'both_guardians',
      childConsentFromAge: int(env.SAMSYN_CHILD_CONSENT_AGE, 15),
      childAccessFromAge: int(env.SAMSYN_CHILD_ACCESS_AGE, 13),
    },
    emergencyAccessHours: int(env.SAMSYN_EMERGENCY_ACCESS_HOURS, 4),
    // Never from the environment: only `npm run bench` starts the server with --bench-routes (main.ts).
    benchRoutes: false,
    auditCheckpoint: {
      key: env.SAMSYN_AUDIT_CHECKPOINT_KEY || undefined,
      keyFile: path.resolve(env.SAMSYN_AUDIT_CHECKPOINT_KEY_FILE ?? path.join(dataDir, 'audit-checkpoint.key')),
      file: path.resolve(env.SAMSYN_AUDIT_CHECKPOINT_FILE ?? path.join(dataDir, 'audit-checkpoints.jsonl')),
      everyEntries: Math.max(1, int(env.SAMSYN_AUDIT_CHECKPOINT_ENTRIES, 1000)),
      everySeconds: Math.max(1, int(env.SAMSYN_AUDIT_CHECKPOINT_SECONDS, 300)),
    },
    koladaBaseUrl: env.SAMSYN_KOLADA_BASE_URL || 'https://api.kolada.se/v3',
    publicUrl: (env.SAMSYN_PUBLIC_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
    retentionIntervalHours: int(env.SAMSYN_RETENTION_INTERVAL_HOURS, env.NODE_ENV === 'test' ? 0 : 24),
    inboxNoticeMinutes: int(env.SAMSYN_INBOX_NOTICE_MINUTES, env.NODE_ENV === 'test' ? 0 : 15),
    appUrl: (env.SAMSYN_APP_URL || `http://localhost:${int(env.PORT, 3000)}`).replace(/\/+$/, ''),
    clockOffsetDays: env.NODE_ENV === 'production' ? 0 : int(env.SAMSYN_CLOCK_OFFSET_DAYS, 0),
    suppressionThreshold: Math.max(3, int(env.SAMSYN_SUPPRESSION_THRESHOLD, 10)),
    openApiPerMinute: Math.max(1, int(env.SAMSYN_OPEN_API_PER_MINUTE, 120)),
    smtp: smtpConfig(env),
    sipRequestDeadlineDays: Math.max(0, int(env.SAMSYN_SIP_REQUEST_DEADLINE_DAYS, 15)),
    ...overrides,
  };
}

function smtpConfig(env: NodeJS.ProcessEnv): SmtpConfig | undefined {
  if (!env.SAMSYN_SMTP_HOST) return undefined;
  const secure = env.SAMSYN_SMTP_SECURE === 'true';
  return {
    host: env.SAMSYN_SMTP_HOST,
    port: int(env.SAMSYN_SMTP_PORT, secure ? 465 : 587),
    secure,
    requireTls: env.SAMSYN_SMTP_REQUIRE_TLS === 'true',
    user: env.SAMSYN_SMTP_USER || undefined,
    password: env.SAMSYN_SMTP_PASSWORD || undefined,
    from: env.SAMSYN_SMTP_FROM || 'Samsyn <noreply@samsyn.invalid>',
  };
}
