import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export const csrfCookie = 'samsyn_csrf';
export const csrfHeader = 'x-csrf-token';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Signed double-submit: the cookie holds a random nonce, the token is nonce.HMAC(nonce).
 * A cross-site page can neither read the token nor set the header, and a cookie planted
 * from a sibling domain fails the signature. The key is shared by all nodes (server_secret).
 */
export class Csrf {
  constructor(private readonly key: Buffer) {}

  private sign(nonce: string): string {
    return createHmac('sha256', this.key).update(nonce).digest('base64url');
  }

  /** Returns the token for this browser, setting its cookie when it has none. */
  issue(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
    let nonce = request.cookies[csrfCookie];
    if (!nonce || !/^[A-Za-z0-9_-]{22,64}$/.test(nonce)) {
      nonce = randomBytes(24).toString('base64url');
      reply.setCookie(csrfCookie, nonce, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
    }
    return `${nonce}.${this.sign(nonce)}`;
  }

  check(request: FastifyRequest): void {
    if (safeMethods.has(request.method)) return;
    const header = request.headers[csrfHeader];
    const nonce = request.cookies[csrfCookie];
    if (typeof header !== 'string' || !nonce) throw new AppError('csrf_invalid');
    const [headerNonce, signature] = header.split('.');
    if (headerNonce !== nonce || !signature) throw new AppError('csrf_invalid');
    const expected = Buffer.from(this.sign(nonce));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError('csrf_invalid');
  }
}
