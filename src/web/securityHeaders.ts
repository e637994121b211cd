/**
 * The one set of security headers for the pages Lotse serves. Pages whose URL carries case facts
 * (/checkliste) get the strictest set: nothing but own scripts and inline styles, no framing, no forms,
 * no referrer, no caching.
 */
export interface PagePolicy {
  /** Extra connect-src origins (the web chat talks to Direct Line). */
  connect?: string[];
  /** Who may frame the page: "'none'" (default), "'self'", or "'self'" and the embedding sites' origins. */
  frameAncestors?: string;
  /** cache-control; pages with case facts keep the default no-store. */
  cache?: string;
  /** Images, fonts and blobs from this server (the web chat needs them). */
  media?: boolean;
}

export function contentSecurityPolicy(policy: PagePolicy = {}): string {
  const media = policy.media ? ["img-src 'self' data: blob:", "font-src 'self' data:"] : ["img-src 'self'"];
  return [
    policy.media ? "default-src 'self'" : "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    ...media,
    `connect-src ${["'self'", ...(policy.connect ?? [])].join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${policy.frameAncestors ?? "'none'"}`,
  ].join('; ');
}

function frameOptions(ancestors: string | undefined): string | undefined {
  if (!ancestors || ancestors === "'none'") return 'DENY';
  return ancestors === "'self'" ? 'SAMEORIGIN' : undefined;
}

export function securityHeaders(policy: PagePolicy = {}): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(policy),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // X-Frame-Options cannot name other sites; where CSP allows them, it is left out (CSP wins in every current browser).
    ...(frameOptions(policy.frameAncestors) ? { 'x-frame-options': frameOptions(policy.frameAncestors)! } : {}),
    'cache-control': policy.cache ?? 'no-store',
  };
}
