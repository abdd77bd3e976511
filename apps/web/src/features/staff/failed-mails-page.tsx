import type { FailedMail } from '@entraide/contract';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { FormAlert, Notice } from '../../shared/form.tsx';
import { formatTimestamp } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { RequireUser } from '../member/require-user.tsx';
import { SECTIONS } from './staff-sections.ts';
import { StaffNav } from './staff-nav.tsx';
import { failedMailsPage as msg } from '../../messages/staff.ts';

/** Courriels non distribués (admin): the mails SMTP refused at every attempt, sent again at will. */
export function FailedMailsPage() {
  const [mails, setMails] = useState<FailedMail[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const loading = useLoad(async () =>
    setMails(await api<FailedMail[]>('GET', '/api/admin/failed-mails')),
  );
  const { busy, alert, run } = useSubmit();
  // Sent again once, however many clicks; one a colleague sent meanwhile is said, the list reread.
  const resend = (mail: FailedMail) =>
    void run(async () => {
      setNotice(null);
      try {
        await api('POST', `/api/admin/failed-mails/${mail.id}/resend`);
      } finally {
        await loading.reload();
      }
      setNotice(msg.renvoye(mail.subject, mail.to));
    });
  return (
    <RequireUser staff={SECTIONS.admin}>
      <PageTitle>{msg.titre}</PageTitle>
      <StaffNav />
      <p>{msg.explication}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      <FormAlert message={alert} />
      {mails === null ? (
        <Loading {...loading} />
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
              <button type="button" disabled={busy} onClick={() => resend(mail)}>
                {msg.renvoyer(mail.subject)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </RequireUser>
  );
}
