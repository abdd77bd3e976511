import type { SecondFactorSummary } from '@entraide/contract';
import { startRegistration } from '@simplewebauthn/browser';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { formatDate } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { common } from '../../messages/common.ts';
import { securityPage as msg } from '../../messages/accounts.ts';

/** Codes shown once: the person writes them down or prints them. */
function RecoveryCodes({ codes }: { readonly codes: readonly string[] }) {
  return (
    <section aria-labelledby="codes-title" className="notice">
      <h2 id="codes-title">{msg.vosCodesSecours}</h2>
      <p>{msg.notezOuImprimezMaintenant}</p>
      <ul className="codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TotpSetup({ onDone }: { readonly onDone: (codes: string[] | null) => Promise<void> }) {
  const [setup, setSetup] = useState<{ secret: string; qrCode: string } | null>(null);
  const [code, setCode] = useState('');
  const { busy, alert, fields, run } = useSubmit();
  const start = () =>
    void run(async () => {
      setSetup(await api('POST', '/api/me/second-factor/totp'));
    });
  const confirm = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      const { recoveryCodes } = await api<{ recoveryCodes: string[] | null }>(
        'POST',
        '/api/me/second-factor/totp/confirm',
        { code },
      );
      setSetup(null);
      await onDone(recoveryCodes);
    });
  };
  return (
    <>
      <FormAlert message={alert} />
      {setup ? (
        <form onSubmit={confirm} noValidate>
          <p>{msg.n1DansVotreApplication}</p>
          <img src={setup.qrCode} width={220} height={220} alt={msg.qrCodeScannerAvec} />
          <p>
            {msg.ouSaisissezCetteCle} <code>{setup.secret}</code>
          </p>
          <Field
            label={msg.n2CodeAffichePar}
            hint={msg.n6ChiffresParExemple}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={fields.code}
          />
          <div className="actions">
            <button type="submit" disabled={busy}>
              {msg.activerApplication}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={start} disabled={busy}>
          {msg.configurerApplicationAuthentificatio}
        </button>
      )}
    </>
  );
}

function PasskeySetup({ onDone }: { readonly onDone: (codes: string[] | null) => Promise<void> }) {
  const [name, setName] = useState('');
  const { busy, alert, fields, run } = useSubmit();
  const add = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      const optionsJSON = await api<Parameters<typeof startRegistration>[0]['optionsJSON']>(
        'POST',
        '/api/me/second-factor/passkeys/options',
      );
      const response = await startRegistration({ optionsJSON });
      const { recoveryCodes } = await api<{ recoveryCodes: string[] | null }>(
        'POST',
        '/api/me/second-factor/passkeys',
        { name, response },
      );
      setName('');
      await onDone(recoveryCodes);
    });
  };
  return (
    <form onSubmit={add} noValidate>
      <FormAlert message={alert} />
      <Field
        label={msg.nomCleAcces}
        hint={msg.pourReconnaitreParExemple}
        name="name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fields.name}
      />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {msg.ajouterCleAcces}
        </button>
      </div>
    </form>
  );
}

function Security() {
  const { session, refresh } = useSession();
  const [summary, setSecondFactorSummary] = useState<SecondFactorSummary | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { busy, alert, run } = useSubmit();
  const [version, setVersion] = useState(0);
  const load = () => setVersion((v) => v + 1);
  const loading = useLoad(
    async () =>
      setSecondFactorSummary(await api<SecondFactorSummary>('GET', '/api/me/second-factor')),
    String(version),
  );
  const enrolled = async (recoveryCodes: string[] | null) => {
    setCodes(recoveryCodes);
    await refresh();
    load();
  };
  const renew = () =>
    void run(async () => {
      const answer = await api<{ recoveryCodes: string[] }>(
        'POST',
        '/api/me/second-factor/recovery-codes',
      );
      setConfirming(false);
      setCodes(answer.recoveryCodes);
      load();
    });
  const required = session?.user?.secondFactor.required ?? false;
  if (!summary) return <Loading {...loading} />;
  const hasFactor = summary.totp || summary.passkeys.length > 0;
  return (
    <>
      <FormAlert message={alert} />
      {codes ? <RecoveryCodes codes={codes} /> : null}
      {!hasFactor && required ? <Notice>{msg.votreComptePersonnelDoit}</Notice> : null}
      <h2>{msg.applicationAuthentification}</h2>
      {summary.totp ? (
        <p>{msg.activeeChaqueConnexionSaisissez}</p>
      ) : (
        <TotpSetup onDone={enrolled} />
      )}
      <h2>{msg.clesAcces}</h2>
      {summary.passkeys.length > 0 ? (
        <ul>
          {summary.passkeys.map((p) => (
            <li key={p.id}>
              {msg.ajoutee(
                p.name,
                formatDate(p.createdAt),
                p.lastUsedAt ? msg.utilisee(formatDate(p.lastUsedAt)) : '',
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{msg.aucuneCleAccesPour}</p>
      )}
      <PasskeySetup onDone={enrolled} />
      {hasFactor ? (
        <>
          <h2>{msg.codesSecours}</h2>
          <p>{msg.ilVousResteCode(summary.recoveryCodesLeft)}</p>
          {confirming ? (
            <div role="group" aria-label={msg.confirmerNouveauxCodes}>
              <p>{msg.codesActuelsNeVaudront(summary.recoveryCodesLeft)}</p>
              <div className="actions">
                <button type="button" onClick={renew} disabled={busy}>
                  {msg.ouiGenererNouveauxCodes}
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                  {common.cancel}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              {msg.genererNouveauxCodesSecours}
            </button>
          )}
        </>
      ) : null}
    </>
  );
}

export function SecurityPage() {
  return (
    <RequireUser>
      <PageTitle>{msg.securiteCompte}</PageTitle>
      <Security />
    </RequireUser>
  );
}
