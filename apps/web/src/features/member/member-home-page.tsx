import type { MemberHome, MemberProfile } from '@entraide/contract';
import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { formatDate } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { Entitlements } from './entitlements.tsx';
import { PackChanges } from './pack-changes.tsx';
import { RequireUser } from './require-user.tsx';
import { common } from '../../messages/common.ts';
import { benefitsPage, historyPage, memberHomePage as msg } from '../../messages/member.ts';
import { RELATION_LABELS } from '../../messages/labels.ts';

function Family({ id }: { readonly id: string }) {
  const [profile, setProfile] = useState<MemberProfile | null>(null);
  const loading = useLoad(
    async () => setProfile(await api<MemberProfile>('GET', `/api/members/${id}`)),
    id,
  );
  if (!profile) return <Loading {...loading} />;
  return (
    <section aria-labelledby="famille">
      <h2 id="famille">{msg.maFamille}</h2>
      {profile.dependants.length === 0 ? (
        <p>{msg.aucunAyantDroitDeclare}</p>
      ) : (
        <ul>
          {profile.dependants.map((d) => (
            <li key={`${d.relation}-${d.firstName}-${d.birthDate}`}>
              {msg.naissance(
                RELATION_LABELS[d.relation],
                d.firstName,
                d.lastName,
                formatDate(d.birthDate),
              )}
            </li>
          ))}
        </ul>
      )}
      <p>{msg.courriel(profile.email)}</p>
    </section>
  );
}

/** À faire: what the member should do first, then what is on its way. */
function ToDoList({ todo }: { readonly todo: MemberHome['todo'] }) {
  return (
    <section aria-labelledby="a-faire" className="card">
      <h2 id="a-faire">{msg.faire}</h2>
      {todo.length === 0 ? (
        <p>{msg.rienFairePourInstant}</p>
      ) : (
        <ul className="todo">
          {[...todo]
            .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'action' ? -1 : 1))
            .map((item) => (
              <li key={item.text}>
                <span className={`badge badge-${item.kind === 'action' ? 'full' : 'open'}`}>
                  {item.kind === 'action' ? msg.faire : msg.cours}
                </span>{' '}
                <Link to={item.link}>{item.text}</Link>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

/** Each request and claim with its steps, the last one reached marked as current. */
function Files({ files }: { readonly files: MemberHome['files'] }) {
  if (files.length === 0) return null;
  return (
    <section aria-labelledby="dossiers">
      <h2 id="dossiers">{msg.mesDossiers}</h2>
      <ul className="cards">
        {files.map((file) => {
          const current = file.steps.filter((step) => step.reached).length - 1;
          return (
            <li key={file.title} className="card">
              <h3>
                <Link to={file.link}>{file.title}</Link>
              </h3>
              <ol className="timeline" aria-label={msg.etapes(file.title)}>
                {file.steps.map((step, i) => (
                  <li
                    key={step.label}
                    className={step.reached ? 'reached' : undefined}
                    aria-current={i === current ? 'step' : undefined}
                  >
                    {step.label}
                    <span className="visually-hidden">{step.reached ? ' (fait)' : msg.venir}</span>
                  </li>
                ))}
              </ol>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Every mail the committee sent, newest first: the same words as in the mailbox. */
function Inbox({ mails }: { readonly mails: MemberHome['inbox'] }) {
  return (
    <section aria-labelledby="messages">
      <h2 id="messages">{msg.messagesComite}</h2>
      {mails.length === 0 ? (
        <p>{msg.aucunMessagePourInstant}</p>
      ) : (
        <ul className="inbox">
          {mails.map((mail) => (
            <li key={mail.id}>
              <details>
                <summary>
                  {mail.subject} <span className="hint">— {formatDate(mail.sentAt)}</span>
                </summary>
                <p className="mail-text">{mail.text}</p>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The member's home: à faire first, the year's subsidies, the files and the committee's mail. */
function MemberDashboard({ id }: { readonly id: string }) {
  const [home, setHome] = useState<MemberHome | null>(null);
  const loading = useLoad(async () => setHome(await api<MemberHome>('GET', '/api/me/home')));
  if (!home) return <Loading {...loading} waiting={msg.chargementVotreEspace} />;
  return (
    <>
      <ToDoList todo={home.todo} />
      <Entitlements subsidies={home.subsidies} />
      <PackChanges />
      <Files files={home.files} />
      <Inbox mails={home.inbox} />
      <Family id={id} />
    </>
  );
}

export function MemberHomePage() {
  const { session } = useSession();
  const user = session?.user;
  return (
    <RequireUser>
      <PageTitle>{msg.bonjour(user?.firstName ?? '')}</PageTitle>
      <p>
        {msg.votreIdentifiantCaes} <strong>{user?.identifier}</strong>
      </p>
      {user?.role === 'member' ? (
        <MemberDashboard id={user.id} />
      ) : (
        <p>{msg.vousEtesConnecteAvec}</p>
      )}
      <h2>{msg.raccourcis}</h2>
      <ul>
        {user?.role === 'member' ? (
          <>
            <li>
              <Link to="/espace/fiche">{common.myAgentRecord}</Link>
            </li>
            <li>
              <Link to="/espace/inscriptions">{msg.mesDemandesInscription}</Link>
            </li>
            <li>
              <Link to="/espace/factures">{msg.mesDossiersFactures}</Link>
            </li>
            <li>
              <Link to="/espace/subventions">{msg.mesDossiersSubventions}</Link>
            </li>
            <li>
              <Link to="/espace/prestations">{benefitsPage.raccourci}</Link>
            </li>
            <li>
              <Link to="/espace/historique">{historyPage.raccourci}</Link>
            </li>
            <li>
              <Link to="/espace/solidarite">{msg.solidariteAideOuPret}</Link>
            </li>
            <li>
              <Link to="/espace/coordonnees">{msg.mesCoordonnees}</Link>
            </li>
            <li>
              <Link to="/espace/rib">{msg.gererMesRib}</Link>
            </li>
            <li>
              <Link to="/espace/partenaires">{msg.infosPartenariat}</Link>
            </li>
            <li>
              <a href="/api/me/card.pdf" target="_blank" rel="noreferrer">
                {msg.maCarteAdherentPdf}
              </a>
            </li>
            <li>
              {msg.formulairesPreRemplisImprimer}{' '}
              <a
                href="/api/me/forms/subvention-administrative.pdf"
                target="_blank"
                rel="noreferrer"
              >
                {msg.subventionAdministrative}
              </a>
              ,{' '}
              <a
                href="/api/me/forms/attestation-non-subvention.pdf"
                target="_blank"
                rel="noreferrer"
              >
                {msg.attestationNonSubventionEmployeur}
              </a>
            </li>
          </>
        ) : null}
        <li>
          <Link to="/simulateur">{msg.calculerTauxSubvention}</Link>
        </li>
        <li>
          <Link to="/espace/mot-de-passe">{msg.changerMonMotPasse}</Link>
        </li>
        <li>
          <Link to="/espace/securite">{msg.securiteCompteSecondFacteur}</Link>
        </li>
        <li>
          <Link to="/espace/consultations">{msg.quiConsulteMonDossier}</Link>
        </li>
        <li>
          <Link to="/espace/mes-donnees">{msg.mesDonneesTelechargerFermer}</Link>
        </li>
        {user && user.role !== 'member' ? (
          <li>
            <Link to="/gestion">{msg.gestionDemandesInscription}</Link>
          </li>
        ) : null}
      </ul>
    </RequireUser>
  );
}
