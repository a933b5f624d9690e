import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { SmtpConfig } from '../config.ts';

/**
 * A notice by e-mail. It never holds personal data ("Du har en ny kallelse i Samsyn"): the mail
 * leaves our control, so it only tells the reader that something waits for them in Samsyn.
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** False without SMTP settings: e-mail is optional, the in-app inbox is the notice. */
  readonly enabled: boolean;
  /**
   * Sends after the caller's transaction has committed (never inside it: a slow mail server must
   * not hold a database transaction, and a rolled-back change must not have mailed anyone).
   * A failure is logged and swallowed: the notice stays in the inbox whatever the mail does.
   */
  send(message: MailMessage): Promise<boolean>;
  close(): void;
}

const disabled: Mailer = { enabled: false, send: async () => false, close: () => {} };

export function createMailer(smtp: SmtpConfig | undefined, log: FastifyBaseLogger): Mailer {
  if (!smtp) return disabled;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    // Plain SMTP on a local relay may not offer STARTTLS; require it only when asked to.
    requireTLS: smtp.requireTls,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    enabled: true,
    async send(message) {
      try {
        await transport.sendMail({ from: smtp.from, to: message.to, subject: message.subject, text: message.text });
        return true;
      } catch (error) {
        // The address is personal data: log only that a notice could not be mailed, and why.
        log.warn({ err: { message: (error as Error).message } }, 'notice e-mail not sent');
        return false;
      }
    },
    close: () => transport.close(),
  };
}
