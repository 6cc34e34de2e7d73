// Reading one cookie of a request and writing a Set-Cookie header, without a cookie middleware for two cookies.

export interface CookieOptions {
  readonly path: string;
  /** Seconds; 0 clears the cookie. */
  readonly maxAge: number;
  readonly sameSite: 'Strict' | 'Lax';
  readonly secure: boolean;
}

/** The value of the cookie `name` in a Cookie header (RFC 6265 §5.4), or undefined; values are never decoded. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const equals = pair.indexOf('=');
    if (equals > 0 && pair.slice(0, equals).trim() === name) return pair.slice(equals + 1).trim();
  }
  return undefined;
}

/** A Set-Cookie header value: always HttpOnly, so that no script of the page, injected or not, reads it. */
export function setCookie(name: string, value: string, options: CookieOptions): string {
  const attributes = [
    `${name}=${value}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAge}`,
    'HttpOnly',
    `SameSite=${options.sameSite}`,
  ];
  if (options.secure) attributes.push('Secure');
  return attributes.join('; ');
}
