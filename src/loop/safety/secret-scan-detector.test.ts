import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCheck } from './__fixtures__/make-check.js';
import { SafetyConfigError } from './safety-config.js';
import { createSecretScanDetector } from './secret-scan-detector.js';

// Fake credentials, built in pieces so that they are not whole secrets in the source.
const AWS_KEY_ID = 'AKIA' + 'IOSFODNN7EXAMPLE';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYEXAMPLEKEY';
const GITHUB_TOKEN = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0'.repeat(2).slice(0, 36);
const GITHUB_PAT = 'github_pat_' + '11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz';
const SLACK_TOKEN = 'xoxb-' + '123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx';
const OPENAI_KEY = 'sk-proj-' + 'Ab3dEf6hIj9lMn2pQr5tUv8xYz1BcD4fGh7jKl0n';
const ANTHROPIC_KEY = 'sk-ant-api03-' + 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe';
const JWT =
  'eyJhbGciOiJIUzI1NiJ9' + '.eyJzdWIiOiIxMjM0NTY3ODkwIn0' + '.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const PRIVATE_KEY = [
  '-----BEGIN RSA ' + 'PRIVATE KEY-----',
  'MIIEowIBAAKCAQEA7bq',
  '-----END RSA PRIVATE KEY-----',
].join('\n');

const detector = createSecretScanDetector();
const scan = (text: string, config: Record<string, unknown> = {}) =>
  detector.inspect(makeCheck('secret_scan', config, { text }));
const labels = (text: string, config: Record<string, unknown> = {}) =>
  scan(text, config).flatMap((finding) => finding.spans.map((span) => span.label));

describe('secret_scan: named patterns', () => {
  it.each([
    ['aws_key', `id = ${AWS_KEY_ID}`],
    ['github_token', `token: ${GITHUB_TOKEN}`],
    ['github_token', `export GH=${GITHUB_PAT}`],
    ['slack_token', `slack ${SLACK_TOKEN}`],
    ['slack_token', 'post to https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX'],
    ['openai_key', `OPENAI=${OPENAI_KEY}`],
    ['anthropic_key', `key ${ANTHROPIC_KEY}`],
    ['jwt', `cookie ${JWT}`],
    ['private_key', `here:\n${PRIVATE_KEY}\nthanks`],
  ])('finds %s', (label, text) => {
    expect(labels(text, { entropy_check: false })).toEqual([label]);
  });

  it('spans exactly the secret', () => {
    const text = `the id ${AWS_KEY_ID} leaked`;
    const [finding] = scan(text);
    const span = finding!.spans[0]!;
    expect(text.slice(span.start, span.end)).toBe(AWS_KEY_ID);
  });

  it('covers a private key block from BEGIN to END, or to the end of a cut-off text', () => {
    const [whole] = scan(PRIVATE_KEY);
    expect(whole!.spans[0]).toMatchObject({ start: 0, end: PRIVATE_KEY.length });
    const cut = PRIVATE_KEY.split('\n').slice(0, 2).join('\n');
    expect(scan(cut)[0]!.spans[0]).toMatchObject({ start: 0, end: cut.length });
  });

  it('finds an AWS secret access key near a key id or a word that names it, not alone', () => {
    expect(labels(`aws_secret_access_key = ${AWS_SECRET}`, { entropy_check: false })).toEqual([
      'aws_secret_key',
    ]);
    expect(labels(`${AWS_KEY_ID}:${AWS_SECRET}`, { entropy_check: false })).toEqual([
      'aws_key',
      'aws_secret_key',
    ]);
    expect(labels(`a random value ${AWS_SECRET}`, { entropy_check: false })).toEqual([]);
  });

  it('finds the value of generic assignments and bearer tokens, not the name', () => {
    const text = 'API_KEY="q8Vx2LmZ7tRw0pYk" and Authorization: Bearer abc123def456ghi789';
    const findings = scan(text, { entropy_check: false });
    expect(findings.map((finding) => text.slice(finding.spans[0]!.start, finding.spans[0]!.end))).toEqual([
      'q8Vx2LmZ7tRw0pYk',
      'abc123def456ghi789',
    ]);
    expect(labels(text, { entropy_check: false })).toEqual(['generic_api_key', 'bearer_token']);
  });

  it.each([
    'password: string;',
    'const secret: SecretConfig = load();',
    'api_key = os.environ["API_KEY"]',
    'token: ${{ secrets.GITHUB_TOKEN }}',
    'API_KEY=<your-api-key>',
    'password = "xxxxxxxxxxxx"',
    'Authorization: Bearer YOUR_TOKEN_HERE',
    'from sklearn: sk-learn-compatible-estimators-are-nice',
  ])('does not take a placeholder or code for a secret: %s', (text) => {
    expect(scan(text)).toEqual([]);
  });

  it('reports a character once, under the most specific pattern', () => {
    expect(labels(`Authorization: Bearer ${JWT}`)).toEqual(['jwt']);
    expect(labels(`api_key=${OPENAI_KEY}`)).toEqual(['openai_key']);
  });

  it('looks only for the known_patterns listed, aws_key selecting the secret key too', () => {
    const text = `${GITHUB_TOKEN} ${SLACK_TOKEN} ${AWS_KEY_ID} aws secret ${AWS_SECRET}`;
    expect(labels(text, { known_patterns: ['aws_key'], entropy_check: false })).toEqual([
      'aws_key',
      'aws_secret_key',
    ]);
    expect(labels(text, { known_patterns: ['github_token'], entropy_check: false })).toEqual([
      'github_token',
    ]);
  });

  it('refuses an unknown pattern name instead of silently checking less', () => {
    expect(() => scan('x', { known_patterns: ['aws_keys'] })).toThrow(SafetyConfigError);
    expect(() => scan('x', { known_patterns: ['aws_keys'] })).toThrow(
      /`aws_keys`.*Use some of: private_key, aws_key/,
    );
  });
});

describe('secret_scan: entropy', () => {
  const RANDOM_TOKEN = 'q8Vx2LmZ7tRw0pYk4NsB9dHc3JfE';

  it('finds a long random-looking token that no pattern knows', () => {
    const findings = scan(`config value ${RANDOM_TOKEN} end`);
    expect(findings.map((finding) => finding.spans[0]!.label)).toEqual(['high_entropy_string']);
    expect(findings[0]!.message).toMatch(/random-looking token \(4\.\d\d bits per character\)/);
  });

  it('follows entropy_threshold and entropy_min_length', () => {
    expect(scan(RANDOM_TOKEN, { entropy_threshold: 5.5 })).toEqual([]);
    expect(scan(RANDOM_TOKEN, { entropy_min_length: 40 })).toEqual([]);
    expect(scan('q1w2e3r4t5', { entropy_threshold: 3, entropy_min_length: 10 })).toHaveLength(1);
  });

  it.each([
    ['a commit id', 'fixed in 3f786850e387550fdab836ed7e6dc881de23001b'],
    ['a sha256 checksum', 'sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
    ['a UUID', 'request 123e4567-e89b-12d3-a456-426614174000'],
    [
      'an integrity hash',
      '"integrity": "sha512-' +
        'z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUR3Ktvb',
    ],
    ['a data URI', 'src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlE"'],
    [
      'an SSH public key',
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ada@host',
    ],
  ])('leaves out %s, even at a low threshold', (_, text) => {
    expect(scan(text, { entropy_threshold: 3.5, known_patterns: ['private_key'] })).toEqual([]);
  });

  it.each([
    ['file paths', 'see src/loop/safety/secret-scan-detector.test.ts and packages/core/lib/index2.js'],
    ['a long identifier', 'call createSafetyDetectorRegistryWithDefaults2 then'],
    ['a version tag', 'released loopgym-v1.2.3-rc4-linux-x64-musl-build20240115'],
    ['a long word list', 'the_quick_brown_fox_jumps_over_the_lazy_dog_42_times'],
  ])('does not take %s for a secret at the default threshold', (_, text) => {
    expect(scan(text)).toEqual([]);
  });

  it('leaves out the body of a certificate but not of a private key', () => {
    const certificate = [
      '-----BEGIN CERTIFICATE-----',
      'MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ',
      '-----END CERTIFICATE-----',
    ].join('\n');
    expect(scan(certificate)).toEqual([]);
    expect(labels(certificate.replace(/CERTIFICATE/g, 'PRIVATE KEY'))).toEqual(['private_key']);
  });

  it('can be turned off', () => {
    expect(scan(RANDOM_TOKEN, { entropy_check: false })).toEqual([]);
  });

  it('refuses a threshold that is not a number', () => {
    expect(() => scan('x', { entropy_threshold: 'high' })).toThrow(
      /entropy_threshold` must be a number from 0 to 16/,
    );
  });
});

describe('secret_scan: messages and places', () => {
  it('never repeats the secret in a message (property)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.split('');
    fc.assert(
      fc.property(
        fc.constantFrom('ghp_', 'sk-', 'api_key=', 'Bearer ', 'token: '),
        fc
          .array(fc.constantFrom(...alphabet), { minLength: 36, maxLength: 48 })
          .map((chars) => chars.join('')),
        fc.string({ maxLength: 20 }),
        (prefix, body, noise) => {
          const secret = `${body.slice(0, 10)}9Zz${body.slice(10)}`;
          for (const finding of scan(`${noise} ${prefix}${secret} ${noise}`)) {
            expect(finding.message).not.toContain(secret.slice(0, 12));
          }
        },
      ),
    );
  });

  it('says where a secret is in the text', () => {
    expect(scan(`first line\n  ${GITHUB_TOKEN}`)[0]!.message).toMatch(
      /GitHub token at line 2, column 3 \(40 characters/,
    );
  });

  it('reads string arguments of a tool call, without spans', () => {
    const findings = detector.inspect(
      makeCheck(
        'secret_scan',
        {},
        {
          scope: 'pre_worker',
          text: 'send the report',
          toolCall: {
            name: 'send_mail',
            arguments: { to: 'a@b.io', body: { parts: ['hi', `key ${AWS_KEY_ID}`] } },
          },
        },
      ),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/in argument `body\.parts\.1` of tool call `send_mail`/);
    expect(findings[0]!.spans).toEqual([]);
  });

  it('finds nothing without text or tool call', () => {
    expect(detector.inspect(makeCheck('secret_scan'))).toEqual([]);
  });
});

describe('secret_scan: texts scanned again', () => {
  it('finds the same secrets in a text scanned again, under each constraint’s own config', () => {
    const text = `id = ${AWS_KEY_ID}\ntoken: ${GITHUB_TOKEN}\nrandom Zq8vN3xK7pL2mR9tW4yB6cF1hJ5sD0gA`;
    const everything = scan(text);
    const githubOnly = makeCheck(
      'secret_scan',
      { known_patterns: ['github_token'], entropy_check: false },
      { text },
    );
    for (let round = 0; round < 3; round++) {
      expect(scan(text)).toEqual(everything);
      expect(
        detector.inspect(githubOnly).flatMap((finding) => finding.spans.map((span) => span.label)),
      ).toEqual(['github_token']);
    }
    expect(everything.length).toBeGreaterThan(1);
  });

  it('still reads a constraint’s config each time: a bad one fails whether or not the text was scanned', () => {
    const check = makeCheck('secret_scan', {}, { text: `id = ${AWS_KEY_ID}` });
    expect(detector.inspect(check)).toHaveLength(1);
    const broken = makeCheck('secret_scan', { known_patterns: ['aws_kye'] }, { text: `id = ${AWS_KEY_ID}` });
    expect(() => detector.inspect(broken)).toThrow(SafetyConfigError);
    expect(() => detector.inspect(broken)).toThrow(SafetyConfigError);
  });
});
