import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export const csrfCookie = 'samsyn_csrf';
export const csrfHeader = 'x-csrf-token';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const noncePattern = /^[A-Za-z0-9_-]{22,64}$/;

/**
 * A signed double submit bound to the session. The `samsyn_csrf` cookie holds a random nonce (the
 * pre-session id of a browser that has not logged in); the token is `nonce.HMAC(key, nonce|session)`,
 * where `session` is the SHA-256 of the session token, or empty before login. So a cross-site page
 * can neither read the token nor set the header, a cookie planted from a sibling domain fails the
 * signature, and a token taken from another session (or from before this login) is refused. Login
 * and logout set a new nonce, so the token rotates with the session. The key is shared by all nodes
 * (server_secret). The check runs after the session is resolved, in the request hook.
 */
export class Csrf {
  constructor(private readonly key: Buffer) {}

  private sign(nonce: string, sessionHash: string): string {
    return createHmac('sha256', this.key).update(`${nonce}|${sessionHash}`).digest('base64url');
  }

  private setNonce(reply: FastifyReply, secure: boolean): string {
    const nonce = randomBytes(24).toString('base64url');
    reply.setCookie(csrfCookie, nonce, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
    return nonce;
  }

  /** Returns the token for this browser and session, setting its cookie when it has none. */
  issue(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
    let nonce = request.cookies[csrfCookie];
    if (!nonce || !noncePattern.test(nonce)) nonce = this.setNonce(reply, secure);
    return `${nonce}.${this.sign(nonce, request.actor?.sessionTokenHash ?? '')}`;
  }

  /** A new pre-session id at login and logout: every token issued before stops working. */
  rotate(reply: FastifyReply, secure: boolean): void {
    this.setNonce(reply, secure);
  }

  check(request: FastifyRequest): void {
    if (safeMethods.has(request.method)) return;
    const header = request.headers[csrfHeader];
    const nonce = request.cookies[csrfCookie];
    if (typeof header !== 'string' || !nonce) throw new AppError('csrf_invalid');
    const [headerNonce, signature] = header.split('.');
    if (headerNonce !== nonce || !signature) throw new AppError('csrf_invalid');
    const expected = Buffer.from(this.sign(nonce, request.actor?.sessionTokenHash ?? ''));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError('csrf_invalid');
  }
}
