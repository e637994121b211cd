/**
 * Whether a host name or socket address always means this machine: `localhost` and `*.localhost`
 * (reserved for loopback, RFC 6761), 127.0.0.0/8, ::1, their IPv4-mapped form ::ffff:127.x.x.x, and
 * 0.0.0.0 (a connection to it reaches this machine). Accepts URL hostnames with brackets ("[::1]").
 * The one check behind "replies only to this machine" (local mode), "Direct Line replies only from
 * this machine" and the Teams manifest's "Teams cannot reach a local address" warning.
 */
export function isLoopbackHost(hostOrAddress: string | undefined): boolean {
  if (!hostOrAddress) return false;
  const h = hostOrAddress
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '0.0.0.0') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** Whether a URL points at this machine; an unparsable URL does not. */
export function isLoopbackUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}
