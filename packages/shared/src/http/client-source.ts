import { isIPv4, isIPv6 } from 'node:net'

/**
 * Where a request comes from, grouped the way one client can vary it: a key for per-source
 * limits (sign-in throttling, how many in-memory entries one source may hold). Only
 * {@link clientSourceOf} makes one, so a raw address can never be used as a key by mistake.
 */
export type ClientSource = string & { readonly __clientSource: true }

/** The one source every loopback address belongs to. */
export const LOOPBACK_SOURCE = 'loopback' as ClientSource

/**
 * The source key of a socket's remote address:
 * - every loopback address (all of 127.0.0.0/8, `::1`, and their IPv4-mapped forms) is one
 *   source, `loopback`: a process on the machine can bind any of the 16 million 127.x
 *   addresses, so counting them apart would give it as many fresh limits. The sandbox listens
 *   on loopback only, so in practice every client is this one source;
 * - an IPv6 address counts by its /64 (`ipv6:2001:db8:0:7::/64`): one host or one link is
 *   routinely given a whole /64 and can pick any address in it;
 * - an IPv4 address counts by itself (`ipv4:192.0.2.10`), an IPv4-mapped IPv6 address as the
 *   IPv4 address it maps;
 * - anything else (no socket, as in `app.request` tests) is the one source `unknown`.
 */
export function clientSourceOf(address: string | null | undefined): ClientSource {
  const raw = (address ?? '').trim()
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(raw)?.[1]
  const v4 = mapped ?? raw
  if (isIPv4(v4)) return (v4.startsWith('127.') ? LOOPBACK_SOURCE : `ipv4:${v4}`) as ClientSource
  const v6 = raw.replace(/%.*$/, '')
  if (!isIPv6(v6)) return 'unknown' as ClientSource
  const groups = ipv6Groups(v6)
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return LOOPBACK_SOURCE
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6)
    return clientSourceOf(`${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`)
  }
  return `ipv6:${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64` as ClientSource
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted IPv4 read). */
function ipv6Groups(address: string): number[] {
  const dotted = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address)
  let text = address
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number]
    text = `${address.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)))
  const left = parse(head)
  if (tail === undefined) return left
  const right = parse(tail)
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right]
}
