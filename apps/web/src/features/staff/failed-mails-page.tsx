import type { FailedMail } from '@entraide/contract';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { Notice } from '../../shared/form.tsx';
import { formatTimestamp } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { RequireUser } from '../member/require-user.tsx';
import { StaffNav } from './staff-nav.tsx';
import { common } from '../../messages/common.ts';
import { failedMailsPage as msg } from '../../messages/staff.ts';

/** Courriels non distribués (admin): the mails SMTP refused at every attempt, sent again at will. */
export function FailedMailsPage() {
  const [mails, setMails] = useState<FailedMail[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    api<FailedMail[]>('GET', '/api/admin/failed-mails').then(setMails, (e: unknown) =>
      setError(e instanceof ApiError ? e.message : common.loadFailed),
    );
  useEffect(() => {
    void load();
  }, []);
  const resend = async (mail: FailedMail) => {
    await api('POST', `/api/admin/failed-mails/${mail.id}/resend`);
    setNotice(msg.renvoye(mail.subject, mail.to));
    await load();
  };
  return (
    <RequireUser staffOnly>
      <PageTitle>{msg.titre}</PageTitle>
      <StaffNav />
      <p>{msg.explication}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      {error ? <p role="alert">{error}</p> : null}
      {mails === null ? (
        error ? null : (
          <p>{common.loading}</p>
        )
      ) : mails.length === 0 ? (
        <p>{msg.aucun}</p>
      ) : (
        <ul className="cards">
          {mails.map((mail) => (
            <li key={mail.id} className="card">
              <h2>{mail.subject}</h2>
              <p>{msg.destinataire(mail.to)}</p>
              <p>
                {msg.tentatives(
                  mail.attempts,
                  formatTimestamp(mail.createdAt),
                  formatTimestamp(mail.failedAt),
                )}
              </p>
              {mail.error ? <p className="hint">{msg.erreurServeur(mail.error)}</p> : null}
              <button type="button" onClick={() => void resend(mail)}>
                {msg.renvoyer(mail.subject)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </RequireUser>
  );
}
