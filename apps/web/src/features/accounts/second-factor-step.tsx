import { startAuthentication } from '@simplewebauthn/browser';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../shared/api.ts';
import { Field, FormAlert } from '../../shared/form.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { secondFactorStep as msg } from '../../messages/accounts.ts';

/** The login's second step: a code of the authenticator app, a recovery code, or a passkey. */
export function SecondFactorStep({
  methods,
  onDone,
}: {
  readonly methods: readonly ('totp' | 'passkey')[];
  readonly onDone: () => Promise<void>;
}) {
  const [code, setCode] = useState('');
  const { busy, alert, fields, run } = useSubmit();
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      await api('POST', '/api/session/second-factor', { code });
      await onDone();
    });
  };
  const usePasskey = () =>
    void run(async () => {
      const optionsJSON = await api<Parameters<typeof startAuthentication>[0]['optionsJSON']>(
        'POST',
        '/api/session/second-factor/passkey/options',
      );
      await api(
        'POST',
        '/api/session/second-factor/passkey',
        await startAuthentication({ optionsJSON }),
      );
      await onDone();
    });
  return (
    <section aria-labelledby="second-factor-title">
      <h2 id="second-factor-title">{msg.secondFacteur}</h2>
      <FormAlert message={alert} />
      {methods.includes('passkey') ? (
        <p>
          <button type="button" onClick={usePasskey} disabled={busy}>
            {msg.utiliserMaCleAcces}
          </button>
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Field
          label={msg.codeVerification}
          hint={msg.n6ChiffresAffichesPar}
          name="code"
          inputMode="text"
          autoComplete="one-time-code"
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={fields.code}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {msg.validerCode}
          </button>
        </div>
      </form>
    </section>
  );
}
