import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isInRange,
  isMetadataIpAddress,
  isPrivateIpAddress,
  parseIpAddress,
  parseIpRange,
  parseIpv4,
  parseIpv6,
} from './ip-address.js';

const bytesOf = (text: string) => parseIpAddress(text)?.bytes;

describe('parseIpv4', () => {
  it('reads dotted decimal', () => {
    expect(parseIpv4('192.168.0.1')).toEqual({ version: 4, bytes: [192, 168, 0, 1] });
  });

  it.each(['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', 'a.b.c.d', '1..2.3', ''])('refuses %s', (text) => {
    expect(parseIpv4(text)).toBeUndefined();
  });

  it('reads back what it formats (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }), (bytes) => {
        expect(parseIpv4(bytes.join('.'))?.bytes).toEqual(bytes);
      }),
    );
  });
});

describe('parseIpv6', () => {
  it.each([
    ['::1', [...Array<number>(15).fill(0), 1]],
    ['[::1]', [...Array<number>(15).fill(0), 1]],
    ['::', Array<number>(16).fill(0)],
    ['fd00:ec2::254', [0xfd, 0, 0x0e, 0xc2, ...Array<number>(10).fill(0), 0x02, 0x54]],
    ['::ffff:10.0.0.1', [...Array<number>(10).fill(0), 0xff, 0xff, 10, 0, 0, 1]],
    ['fe80::1%eth0', [0xfe, 0x80, ...Array<number>(13).fill(0), 1]],
    ['1:2:3:4:5:6:7:8', [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]],
  ])('reads %s', (text, bytes) => {
    expect(parseIpv6(text)?.bytes).toEqual(bytes);
  });

  it.each(['1:2:3:4:5:6:7', '1::2::3', '12345::', 'g::1', ':1', '1.2.3.4', '1:2:3:4:5:6:7:8:9'])(
    'refuses %s',
    (text) => expect(parseIpv6(text)).toBeUndefined(),
  );

  it('reads back the full form of any address (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }), (groups) => {
        const bytes = groups.flatMap((group) => [group >> 8, group & 0xff]);
        expect(parseIpv6(groups.map((group) => group.toString(16)).join(':'))?.bytes).toEqual(bytes);
      }),
    );
  });
});

describe('ranges', () => {
  it('matches addresses by prefix', () => {
    const range = parseIpRange('172.16.0.0/12')!;
    expect(isInRange(parseIpAddress('172.31.255.255')!, range)).toBe(true);
    expect(isInRange(parseIpAddress('172.32.0.0')!, range)).toBe(false);
    expect(isInRange(parseIpAddress('::ffff:172.20.1.1')!, range)).toBe(true);
    expect(isInRange(parseIpAddress('::1')!, range)).toBe(false);
  });

  it('refuses malformed ranges', () => {
    expect(parseIpRange('10.0.0.0/33')).toBeUndefined();
    expect(parseIpRange('10.0.0.0/8/8')).toBeUndefined();
    expect(parseIpRange('example.org/8')).toBeUndefined();
  });

  it.each([
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['192.168.1.1', true],
    ['127.0.0.1', true],
    ['169.254.1.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fd12::1', true],
    ['fe80::1', true],
    ['::ffff:192.168.0.1', true],
    ['8.8.8.8', false],
    ['172.32.0.1', false],
    ['2001:db8::1', false],
  ])('%s is private: %s', (text, expected) => {
    expect(isPrivateIpAddress(parseIpAddress(text)!)).toBe(expected);
  });

  it('knows the metadata addresses', () => {
    expect(
      ['169.254.169.254', 'fd00:ec2::254', '::ffff:169.254.169.254'].map((text) =>
        isMetadataIpAddress(parseIpAddress(text)!),
      ),
    ).toEqual([true, true, true]);
    expect(isMetadataIpAddress(parseIpAddress('169.254.169.253')!)).toBe(false);
    expect(bytesOf('169.254.169.254')).toEqual([169, 254, 169, 254]);
  });
});
