import { startRegistration } from '@simplewebauthn/browser';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { api } from '../../shared/api.ts';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { formatDate } from '../../shared/format.ts';
import { count } from '../../shared/french.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';

interface Summary {
  totp: boolean;
  recoveryCodesLeft: number;
  passkeys: { id: string; name: string; createdAt: string; lastUsedAt: string | null }[];
}

/** Codes shown once: the person writes them down or prints them. */
function RecoveryCodes({ codes }: { readonly codes: readonly string[] }) {
  return (
    <section aria-labelledby="codes-title" className="notice">
      <h2 id="codes-title">Vos codes de secours</h2>
      <p>
        Notez-les ou imprimez-les maintenant et gardez-les à l’abri : ils ne seront plus affichés.
        Chacun ouvre une seule connexion si vous n’avez plus votre téléphone ou votre clé.
      </p>
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
          <p>
            1. Dans votre application d’authentification (par exemple FreeOTP, Aegis, Google
            Authenticator ou celle de votre gestionnaire de mots de passe), ajoutez un compte en
            scannant ce QR code :
          </p>
          <img
            src={setup.qrCode}
            width={220}
            height={220}
            alt="QR code à scanner avec votre application d’authentification"
          />
          <p>
            Ou saisissez cette clé : <code>{setup.secret}</code>
          </p>
          <Field
            label="2. Code affiché par l’application"
            hint="6 chiffres, par exemple 123456"
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
              Activer l’application
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={start} disabled={busy}>
          Configurer une application d’authentification
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
        label="Nom de la clé d’accès"
        hint="Pour la reconnaître, par exemple « Ordinateur du bureau » ou « Téléphone »"
        name="name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fields.name}
      />
      <div className="actions">
        <button type="submit" disabled={busy}>
          Ajouter une clé d’accès
        </button>
      </div>
    </form>
  );
}

function Security() {
  const { session, refresh } = useSession();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { busy, alert, run } = useSubmit();
  const [version, setVersion] = useState(0);
  const load = () => setVersion((v) => v + 1);
  useEffect(() => {
    void api<Summary>('GET', '/api/me/second-factor').then(setSummary, () => setSummary(null));
  }, [version]);
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
  if (!summary) return <p role="status">Chargement…</p>;
  const hasFactor = summary.totp || summary.passkeys.length > 0;
  return (
    <>
      <FormAlert message={alert} />
      {codes ? <RecoveryCodes codes={codes} /> : null}
      {!hasFactor && required ? (
        <Notice>
          Votre compte du personnel doit avoir un second facteur avant d’ouvrir la gestion :
          choisissez une application d’authentification ou une clé d’accès ci-dessous.
        </Notice>
      ) : null}
      <h2>Application d’authentification</h2>
      {summary.totp ? (
        <p>Activée : à chaque connexion, saisissez le code à 6 chiffres qu’elle affiche.</p>
      ) : (
        <TotpSetup onDone={enrolled} />
      )}
      <h2>Clés d’accès</h2>
      {summary.passkeys.length > 0 ? (
        <ul>
          {summary.passkeys.map((p) => (
            <li key={p.id}>
              {p.name} — ajoutée le {formatDate(p.createdAt)}
              {p.lastUsedAt ? `, utilisée le ${formatDate(p.lastUsedAt)}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucune clé d’accès pour l’instant (empreinte, visage, code du téléphone ou clé USB).</p>
      )}
      <PasskeySetup onDone={enrolled} />
      {hasFactor ? (
        <>
          <h2>Codes de secours</h2>
          <p>
            Il vous reste{' '}
            {count(
              summary.recoveryCodesLeft,
              'code de secours non utilisé',
              'codes de secours non utilisés',
            )}
            .
          </p>
          {confirming ? (
            <div role="group" aria-label="Confirmer les nouveaux codes">
              <p>
                Les {summary.recoveryCodesLeft} codes actuels ne vaudront plus rien : seuls les
                nouveaux codes affichés ouvriront une connexion.
              </p>
              <div className="actions">
                <button type="button" onClick={renew} disabled={busy}>
                  Oui, générer de nouveaux codes
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                  Annuler
                </button>
              </div>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              Générer de nouveaux codes de secours
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
      <PageTitle>Sécurité du compte</PageTitle>
      <Security />
    </RequireUser>
  );
}
