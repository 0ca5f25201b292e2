/**
 * The `form-action` check a browser makes (Content Security Policy Level 3, "Does url match
 * source list"): a form may be submitted only to a URL its page's policy allows, and every
 * redirect that answers the submission is checked again. Chromium blocks a form POST whose
 * answer redirects to an origin the page did not name, which an HTTP client that ignores CSP
 * never notices.
 */

/** The `form-action` source lists of a page, one per policy that has the directive. */
export type FormActionPolicies = readonly (readonly string[])[]

/**
 * Reads the `form-action` directive of each policy in `policies` (header values; one header may
 * carry several policies separated by commas). A policy without the directive restricts nothing:
 * `form-action` has no `default-src` fallback.
 */
export function readFormActionPolicies(policies: readonly string[]): FormActionPolicies {
  const lists: string[][] = []
  for (const header of policies) {
    for (const policy of header.split(',')) {
      for (const directive of policy.split(';')) {
        const [name, ...sources] = directive.trim().split(/[\t\n\f\r ]+/)
        // Only the first occurrence of a directive counts; later duplicates are ignored.
        if (name?.toLowerCase() === 'form-action') {
          lists.push(sources.filter((s) => s.length > 0))
          break
        }
      }
    }
  }
  return lists
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = {
  'http:': '80',
  'https:': '443',
  'ws:': '80',
  'wss:': '443',
}
const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:'])
const SCHEME_SOURCE = /^[a-z][a-z0-9+.-]*:$/i
const HOST_SOURCE =
  /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(\d+|\*))?(\/[^?#]*)?$/i

/** CSP's scheme-part match: the same scheme, or a secure upgrade of it. */
function schemeMatches(expected: string, actual: string): boolean {
  const a = expected.toLowerCase()
  const b = actual.toLowerCase()
  if (a === b) return true
  if (a === 'http:' && b === 'https:') return true
  if (a === 'ws:' && (b === 'wss:' || b === 'http:' || b === 'https:')) return true
  return a === 'wss:' && b === 'https:'
}

function portOf(url: URL): string {
  return url.port || DEFAULT_PORTS[url.protocol] || ''
}

function portMatches(expected: string | undefined, url: URL): boolean {
  const actual = portOf(url)
  if (expected === undefined) return actual === DEFAULT_PORTS[url.protocol]
  if (expected === '*' || expected === actual) return true
  // A host-source naming port 80 also covers the https upgrade to 443.
  return expected === '80' && actual === '443' && url.protocol === 'https:'
}

function hostMatches(expected: string, url: URL): boolean {
  const host = url.hostname.toLowerCase()
  const pattern = expected.toLowerCase()
  if (pattern === '*') return true
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1))
  return host === pattern
}

function pathMatches(expected: string | undefined, url: URL, redirected: boolean): boolean {
  // After a redirect only the origin is compared, so that a policy cannot reveal the path.
  if (expected === undefined || expected === '/' || redirected) return true
  const path = decodeURIComponent(url.pathname)
  const wanted = decodeURIComponent(expected)
  return wanted.endsWith('/') ? path.startsWith(wanted) : path === wanted
}

function selfMatches(self: URL, url: URL): boolean {
  if (self.origin === url.origin) return true
  if (self.hostname !== url.hostname) return false
  const samePort =
    portOf(self) === portOf(url) ||
    (portOf(self) === DEFAULT_PORTS[self.protocol] && portOf(url) === DEFAULT_PORTS[url.protocol])
  const secureUpgrade = url.protocol === 'https:' || url.protocol === 'wss:'
  const plain = self.protocol === 'http:' && (url.protocol === 'http:' || url.protocol === 'ws:')
  return samePort && (secureUpgrade || plain)
}

function sourceMatches(source: string, url: URL, self: URL, redirected: boolean): boolean {
  const lower = source.toLowerCase()
  if (lower === "'self'") return selfMatches(self, url)
  if (lower === '*') return NETWORK_SCHEMES.has(url.protocol) || url.protocol === self.protocol
  if (lower.startsWith("'")) return false // 'none', nonces, hashes and other keywords match no URL
  if (SCHEME_SOURCE.test(source)) return schemeMatches(lower, url.protocol)
  const host = HOST_SOURCE.exec(source)
  if (!host) return false
  const [, scheme, hostPart = '', port, path] = host
  if (!schemeMatches(scheme ? `${scheme}:` : self.protocol, url.protocol)) return false
  return hostMatches(hostPart, url) && portMatches(port, url) && pathMatches(path, url, redirected)
}

/**
 * The first `form-action` source list that refuses `target`, or null when every policy allows
 * it. `self` is the URL of the page holding the form; `redirected` is true for a redirect that
 * answered the submission.
 */
export function refusingFormAction(
  policies: FormActionPolicies,
  target: URL,
  self: URL,
  redirected: boolean,
): readonly string[] | null {
  for (const sources of policies) {
    if (!sources.some((source) => sourceMatches(source, target, self, redirected))) return sources
  }
  return null
}

/** A form submission a browser would block under the page's Content Security Policy. */
export class FormActionBlockedError extends Error {
  constructor(
    readonly page: URL,
    readonly target: URL,
    readonly sources: readonly string[],
    readonly redirected: boolean,
  ) {
    const directive = `form-action ${sources.length > 0 ? sources.join(' ') : "'none'"}`
    super(
      redirected
        ? `A browser would block this: the form on ${page.href} was answered with a redirect to ${target.origin}, which the page's Content-Security-Policy "${directive}" does not allow (browsers check every redirect that answers a form submission).`
        : `A browser would block this: the form on ${page.href} submits to ${target.origin}, which the page's Content-Security-Policy "${directive}" does not allow.`,
    )
    this.name = 'FormActionBlockedError'
  }
}
