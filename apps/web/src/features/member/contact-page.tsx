import type { MemberProfile } from '@entraide/contract';
import { useState, type SyntheticEvent } from 'react';
import { Link } from 'wouter';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { Field, FormAlert, Notice } from '../../shared/form.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from './require-user.tsx';
import { common } from '../../messages/common.ts';
import { contactPage as msg } from '../../messages/member.ts';

/** What the page edits of the profile. */
type Contact = Pick<MemberProfile, 'email' | 'phone' | 'address'>;

function ContactForm({ memberId }: { readonly memberId: string }) {
  const [contact, setContact] = useState<Contact | null>(null);
  const [done, setDone] = useState(false);
  const { busy, alert, fields, run } = useSubmit();
  const loading = useLoad(
    async () => setContact(await api<Contact>('GET', `/api/members/${memberId}`)),
    memberId,
  );
  if (!contact) return <Loading {...loading} />;
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run(async () => {
      setDone(false);
      await api('PUT', '/api/me/contact', {
        email: contact.email,
        phone: contact.phone?.trim() || undefined,
        address: contact.address?.trim() || undefined,
      });
      setDone(true);
    });
  };
  return (
    <>
      {done ? <Notice>{msg.vosCoordonneesSontEnregistrees}</Notice> : null}
      <FormAlert message={alert} />
      <form onSubmit={submit} noValidate>
        <Field
          label={msg.adresseElectronique}
          hint={msg.nosCourrielsYSont}
          type="email"
          autoComplete="email"
          required
          value={contact.email}
          onChange={(e) => setContact({ ...contact, email: e.target.value })}
          error={fields.email}
        />
        <Field
          label={msg.telephone}
          type="tel"
          autoComplete="tel"
          value={contact.phone ?? ''}
          onChange={(e) => setContact({ ...contact, phone: e.target.value })}
          error={fields.phone}
        />
        <Field
          label={msg.adressePostale}
          autoComplete="street-address"
          value={contact.address ?? ''}
          onChange={(e) => setContact({ ...contact, address: e.target.value })}
          error={fields.address}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {msg.enregistrerMesCoordonnees}
          </button>
        </div>
      </form>
    </>
  );
}

/** Mes coordonnées: e-mail, phone and address, kept up to date by the member. */
export function ContactPage() {
  const { session } = useSession();
  return (
    <RequireUser>
      <PageTitle>{msg.mesCoordonnees}</PageTitle>
      <p>
        <Link to="/espace">{common.backToMySpace}</Link>
      </p>
      {session?.user ? <ContactForm memberId={session.user.id} /> : null}
    </RequireUser>
  );
}
