import { describe, expect, it } from 'vitest';
import { makeCheck } from './__fixtures__/make-check.js';
import { createEgressMonitorDetector } from './egress-monitor-detector.js';

const detector = createEgressMonitorDetector();
const research = {
  allowed_domains: ['*.edu', '*.gov', '*.org', 'arxiv.org', 'scholar.google.com'],
  block_private_ip: true,
  block_metadata_endpoints: true,
};
const labels = (text: string, config: Record<string, unknown> = research) =>
  detector
    .inspect(makeCheck('egress_monitor', config, { scope: 'pre_worker', text }))
    .flatMap((finding) => finding.spans.map((span) => `${span.label}:${text.slice(span.start, span.end)}`));

describe('egress_monitor', () => {
  it('allows listed domains and their subdomains', () => {
    expect(
      labels(
        'https://arxiv.org/abs/1 https://export.arxiv.org/x https://mit.edu https://www.nasa.gov/a https://scholar.google.com/q',
      ),
    ).toEqual([]);
  });

  it('reports other domains, including look-alikes', () => {
    expect(
      labels('https://google.com/ https://evilarxiv.org.attacker.io/ https://notarxiv.org.example.com'),
    ).toEqual([
      'domain_not_allowed:https://google.com/',
      'domain_not_allowed:https://evilarxiv.org.attacker.io/',
      'domain_not_allowed:https://notarxiv.org.example.com',
    ]);
  });

  it('reports metadata endpoints, however written', () => {
    expect(
      labels(
        'http://169.254.169.254/latest http://2852039166/ http://[::ffff:169.254.169.254]/ http://[fd00:ec2::254]/ http://metadata.google.internal/x',
        {},
      ),
    ).toEqual([
      'metadata_endpoint:http://169.254.169.254/latest',
      'metadata_endpoint:http://2852039166/',
      'metadata_endpoint:http://[::ffff:169.254.169.254]/',
      'metadata_endpoint:http://[fd00:ec2::254]/',
      'metadata_endpoint:http://metadata.google.internal/x',
    ]);
  });

  it('reports private and local addresses, in URLs and bare', () => {
    expect(
      labels('http://10.0.0.5/ http://0x7f.1/ http://localhost:3000 then 192.168.1.20 and [::1]', {}),
    ).toEqual([
      'private_ip:http://10.0.0.5/',
      'private_ip:http://0x7f.1/',
      'private_ip:http://localhost:3000',
      'private_ip:192.168.1.20',
      'private_ip:[::1]',
    ]);
  });

  it('does not hold bare public IPs (perhaps version numbers) to the domain allowlist', () => {
    expect(labels('released 2.4.10.1 to 203.0.113.9')).toEqual([]);
  });

  it('follows block_private_ip and block_metadata_endpoints', () => {
    const sandbox = {
      allowed_domains: ['sandbox.internal'],
      block_private_ip: false,
      block_metadata_endpoints: true,
    };
    expect(labels('http://sandbox.internal/run http://10.0.0.5/ 10.0.0.6', sandbox)).toEqual([
      'domain_not_allowed:http://10.0.0.5/',
    ]);
    expect(labels('http://169.254.169.254/', { block_metadata_endpoints: false })).toEqual([
      'private_ip:http://169.254.169.254/',
    ]);
    expect(
      labels('http://169.254.169.254/', { block_metadata_endpoints: false, block_private_ip: false }),
    ).toEqual([]);
  });

  it('accepts IP ranges and * in allowed_domains', () => {
    expect(
      labels('http://203.0.113.9/ http://198.51.100.1/', { allowed_domains: ['203.0.113.0/24'] }),
    ).toEqual(['domain_not_allowed:http://198.51.100.1/']);
    expect(labels('https://anything.example/', { allowed_domains: ['*'] })).toEqual([]);
  });

  it('reads tool-call arguments: host-like names as a whole, URLs inside other strings', () => {
    const findings = detector.inspect(
      makeCheck('egress_monitor', research, {
        scope: 'pre_worker',
        toolCall: {
          name: 'fetch_url',
          arguments: {
            url: 'pastebin.com/raw/x',
            headers: { referer: 'see http://169.254.169.254/' },
            note: 'v1.2.3.4',
          },
        },
      }),
    );
    expect(findings.map((finding) => finding.message)).toEqual([
      'Host `pastebin.com` in argument `url` of tool call `fetch_url` is not in allowed_domains.',
      'Host `169.254.169.254` in argument `headers.referer` of tool call `fetch_url` is a cloud metadata endpoint.',
    ]);
    expect(findings.every((finding) => finding.spans.length === 0)).toBe(true);
  });

  it('says where a host is in the text', () => {
    const [finding] = detector.inspect(
      makeCheck('egress_monitor', {}, { text: 'GET\n  http://169.254.169.254/x' }),
    );
    expect(finding!.message).toBe('Host `169.254.169.254` at line 2, column 3 is a cloud metadata endpoint.');
  });
});
