// The chain of trust, with a certification authority made by the test (never a real one): a
// code is genuine only if the certificate its header names was issued by the authority it
// names, was valid when the code was signed, and signed exactly this header and message.
import 'reflect-metadata';
import { X509CertificateGenerator } from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { read2dDoc, verify2dDoc, type TrustList } from './index.ts';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const keys = () => crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);

async function authority(name: string) {
  const pair = await keys();
  const certificate = await X509CertificateGenerator.createSelfSigned({
    name: `CN=${name}, O=Autorité de test, C=FR`,
    keys: pair,
    signingAlgorithm: ALGORITHM,
    notBefore: new Date('2020-01-01'),
    notAfter: new Date('2035-01-01'),
  });
  return { pair, certificate };
}

async function signer(
  issuer: Awaited<ReturnType<typeof authority>>,
  id: string,
  notBefore = new Date('2025-01-01'),
  notAfter = new Date('2028-01-01'),
) {
  const pair = await keys();
  const certificate = await X509CertificateGenerator.create({
    subject: `CN=${id}, O=Émetteur de test, C=FR`,
    issuer: issuer.certificate.subject,
    publicKey: pair.publicKey,
    signingKey: issuer.pair.privateKey,
    signingAlgorithm: ALGORITHM,
    notBefore,
    notAfter,
  });
  return { pair, certificate };
}

const GS = '\u001d';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const toBase32 = (data: Uint8Array): string => {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of data) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32.charAt((value >> bits) & 31);
    }
  }
  return bits > 0 ? out + BASE32.charAt((value << (5 - bits)) & 31) : out;
};

/** A tax notice signed on 16/02/2026 by `key`, its header naming FR99 and `certificate`. */
async function notice(key: CryptoKey, certificate = '0001', income = '32500') {
  const text = `DC04FR99${certificate}FFFF25472801FR431${GS}44227801234567845202246MARTIN CAMILLE${GS}4A3107202341${income}${GS}`;
  const data = Uint8Array.from(text, (c) => c.charCodeAt(0));
  const signature = new Uint8Array(
    await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, data),
  );
  return read2dDoc(`${text}\u001f${toBase32(signature)}`);
}

const list = (
  authorities: { id: string; pem: string }[],
  signers: { id: string; pem: string }[],
): TrustList => ({
  source: 'autorité de test fabriquée par le test',
  retrievedOn: '2026-12-02',
  authorities: authorities.map((a) => ({ id: a.id, certificates: [a.pem] })),
  signers: signers.map((s) => ({ authority: 'FR99', id: s.id, certificate: s.pem })),
});

describe('a 2D-DOC checked against a trust list', async () => {
  const ca = await authority('FR99');
  const good = await signer(ca, '0001');
  const trusted = list(
    [{ id: 'FR99', pem: ca.certificate.toString('pem') }],
    [{ id: '0001', pem: good.certificate.toString('pem') }],
  );

  it('accepts a code signed by a certificate the authority issued, valid that day', async () => {
    const verdict = await verify2dDoc(await notice(good.pair.privateKey), trusted);
    expect(verdict).toEqual({ valid: true, signer: 'CN=0001, O=Émetteur de test, C=FR' });
  });

  it('refuses a code changed after signing: the income', async () => {
    const doc = await notice(good.pair.privateKey);
    const tampered = read2dDoc(
      `${doc.signed.replace('4132500', '4112500')}\u001f${toBase32(doc.signature!)}`,
    );
    expect(await verify2dDoc(tampered, trusted)).toEqual({
      valid: false,
      reason: 'signature invalide : le code a été modifié, ou un autre certificat l’a signé',
    });
  });

  it('refuses a code signed by another key under the same certificate id', async () => {
    const other = await keys();
    expect((await verify2dDoc(await notice(other.privateKey), trusted)).valid).toBe(false);
  });

  it('refuses an unknown authority or certificate, and one another authority issued', async () => {
    const doc = await notice(good.pair.privateKey, '0002');
    expect(await verify2dDoc(doc, trusted)).toEqual({
      valid: false,
      reason: 'certificat inconnu : FR99/0002',
    });
    expect(
      await verify2dDoc(await notice(good.pair.privateKey), { ...trusted, authorities: [] }),
    ).toEqual({ valid: false, reason: 'autorité de certification inconnue : FR99' });
    const stranger = await signer(await authority('FR98'), '0003');
    const forged = list(
      [{ id: 'FR99', pem: ca.certificate.toString('pem') }],
      [{ id: '0003', pem: stranger.certificate.toString('pem') }],
    );
    expect(await verify2dDoc(await notice(stranger.pair.privateKey, '0003'), forged)).toEqual({
      valid: false,
      reason: 'le certificat 0003 n’a pas été émis par l’autorité FR99',
    });
  });

  it('refuses a certificate expired, or not yet valid, on the day the code was signed', async () => {
    const old = await signer(ca, '0004', new Date('2020-01-01'), new Date('2024-12-31'));
    const expired = list(
      [{ id: 'FR99', pem: ca.certificate.toString('pem') }],
      [{ id: '0004', pem: old.certificate.toString('pem') }],
    );
    expect(await verify2dDoc(await notice(old.pair.privateKey, '0004'), expired)).toEqual({
      valid: false,
      reason: 'le certificat 0004 a expiré le 31/12/2024',
    });
    const early = await verify2dDoc(
      await notice(good.pair.privateKey),
      trusted,
      new Date('2024-06-01'),
    );
    expect(early).toEqual({
      valid: false,
      reason: 'le certificat 0001 n’était pas encore valable le 01/06/2024',
    });
  });
});
