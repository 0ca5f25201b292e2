import { describe, expect, it } from 'vitest'
import { clientSourceOf } from './client-source'

describe('clientSourceOf', () => {
  it('makes every loopback address one source', () => {
    for (const address of [
      '127.0.0.1',
      '127.255.255.254',
      '127.3.4.5',
      '::1',
      '0:0:0:0:0:0:0:1',
      '::ffff:127.0.0.1',
      '::FFFF:127.9.8.7',
      '::ffff:7f00:1',
    ])
      expect(clientSourceOf(address), address).toBe('loopback')
  })

  it('counts IPv4 by address, IPv4-mapped IPv6 as the IPv4 address', () => {
    expect(clientSourceOf('192.0.2.10')).toBe('ipv4:192.0.2.10')
    expect(clientSourceOf('::ffff:192.0.2.10')).toBe('ipv4:192.0.2.10')
    expect(clientSourceOf('::ffff:c000:20a')).toBe('ipv4:192.0.2.10')
    expect(clientSourceOf('192.0.2.11')).not.toBe(clientSourceOf('192.0.2.10'))
  })

  it('counts IPv6 by its /64, however the address is written', () => {
    const source = clientSourceOf('2001:db8:0:7::1')
    expect(source).toBe('ipv6:2001:db8:0:7::/64')
    for (const same of ['2001:0DB8:0000:0007:ffff:ffff:ffff:ffff', '2001:db8:0:7:1:2:3:4', '2001:db8:0:7::'])
      expect(clientSourceOf(same), same).toBe(source)
    expect(clientSourceOf('2001:db8:0:8::1')).toBe('ipv6:2001:db8:0:8::/64')
    expect(clientSourceOf('2001:db8::7:1:2:3:4')).toBe(source)
    expect(clientSourceOf('2001:db8::1')).toBe('ipv6:2001:db8:0:0::/64')
    expect(clientSourceOf('fe80::1%eth0')).toBe('ipv6:fe80:0:0:0::/64')
    expect(clientSourceOf('::ffff:1.2.3.4:5')).toBe('unknown')
  })

  it('puts anything that is not an address into one `unknown` source', () => {
    for (const address of [undefined, null, '', 'unknown', 'localhost', '300.1.1.1', '1.2.3', 'x::y'])
      expect(clientSourceOf(address)).toBe('unknown')
  })
})
