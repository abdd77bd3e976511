// The chain of trust, with a certification authority made by the test (never a real one): a
// code is genuine only if the certificate its header names was issued by the authority it
// names, was valid when the code was signed, and signed exactly this header and message.
import { describe, expect, it } from 'vitest';
import { read2dDoc, verify2dDoc } from './index.ts';
import {
  signCode,
  testAuthority as authority,
  testKeys as keys,
  testSigner as signer,
  testTrustList,
  toBase32,
} from './testing.ts';

const GS = '\u001d';

/** A tax notice signed on 16/02/2026 by `key`, its header naming FR99 and `certificate`. */
const notice = async (key: CryptoKey, certificate = '0001', income = '32500') =>
  read2dDoc(
    await signCode(
      `DC04FR99${certificate}FFFF25472801FR431${GS}44227801234567845202246MARTIN CAMILLE${GS}4A3107202341${income}${GS}`,
      key,
    ),
  );

describe('a 2D-DOC checked against a trust list', async () => {
  const ca = await authority('FR99');
  const good = await signer(ca, '0001');
  const trusted = testTrustList('FR99', ca, { '0001': good });

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
    const forged = testTrustList('FR99', ca, { '0003': stranger });
    expect(await verify2dDoc(await notice(stranger.pair.privateKey, '0003'), forged)).toEqual({
      valid: false,
      reason: 'le certificat 0003 n’a pas été émis par l’autorité FR99',
    });
  });

  it('refuses a certificate expired, or not yet valid, on the day the code was signed', async () => {
    const old = await signer(ca, '0004', new Date('2020-01-01'), new Date('2024-12-31'));
    const expired = testTrustList('FR99', ca, { '0004': old });
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
