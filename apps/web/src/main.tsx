import { lazy, StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { Route, Switch } from 'wouter';
import { Layout } from './shared/layout.tsx';
import { PageLoading } from './shared/page-loading.tsx';
import { applyTheme } from './shared/theme.tsx';
import { SessionProvider } from './shared/session.tsx';
import './styles.css';

/**
 * A page in its own chunk: the first page a person opens downloads only the frame and itself.
 */
const loaders: (() => Promise<unknown>)[] = [];
const page = <Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
) => {
  loaders.push(load);
  return lazy(async () => ({ default: (await load())[name] }));
};
// Once the first page has loaded, the others are fetched in the background, one at a time so
// that the person's own requests never wait behind them: the next page opens at once.
window.addEventListener('load', () => {
  void (async () => {
    for (const load of loaders) await load().catch(() => undefined);
  })();
});

const MyDataPage = page(() => import('./features/member/my-data-page.tsx'), 'MyDataPage');
const BenefitsPage = page(() => import('./features/member/benefits-page.tsx'), 'BenefitsPage');
const HistoryPage = page(() => import('./features/member/history-page.tsx'), 'HistoryPage');
const FileReadsPage = page(() => import('./features/member/file-reads-page.tsx'), 'FileReadsPage');
const SecurityPage = page(() => import('./features/accounts/security-page.tsx'), 'SecurityPage');
const CommitteeIdentityPage = page(
  () => import('./features/staff/committee-identity-page.tsx'),
  'CommitteeIdentityPage',
);
const FailedMailsPage = page(
  () => import('./features/staff/failed-mails-page.tsx'),
  'FailedMailsPage',
);
const AuditLogPage = page(() => import('./features/staff/audit-log-page.tsx'), 'AuditLogPage');
const StaffAccountsPage = page(
  () => import('./features/staff/staff-accounts-page.tsx'),
  'StaffAccountsPage',
);
const AgentRecordPage = page(
  () => import('./features/agent-record/agent-record-page.tsx'),
  'AgentRecordPage',
);
const CardCheckPage = page(() => import('./features/card-check-page.tsx'), 'CardCheckPage');
const ChangePasswordPage = page(
  () => import('./features/accounts/change-password-page.tsx'),
  'ChangePasswordPage',
);
const ForgotIdentifierPage = page(
  () => import('./features/accounts/forgot-identifier-page.tsx'),
  'ForgotIdentifierPage',
);
const ForgotPasswordPage = page(
  () => import('./features/accounts/forgot-password-page.tsx'),
  'ForgotPasswordPage',
);
const LoginPage = page(() => import('./features/accounts/login-page.tsx'), 'LoginPage');
const SetPasswordPage = page(
  () => import('./features/accounts/set-password-page.tsx'),
  'SetPasswordPage',
);
const SignUpPage = page(() => import('./features/accounts/sign-up-page.tsx'), 'SignUpPage');
const HomePage = page(() => import('./features/home-page.tsx'), 'HomePage');
const ClaimsReviewPage = page(
  () => import('./features/claims/claims-review-page.tsx'),
  'ClaimsReviewPage',
);
const MyClaimsPage = page(() => import('./features/claims/my-claims-page.tsx'), 'MyClaimsPage');
const MySolidarityPage = page(
  () => import('./features/solidarity/my-solidarity-page.tsx'),
  'MySolidarityPage',
);
const SolidarityReviewPage = page(
  () => import('./features/solidarity/solidarity-review-page.tsx'),
  'SolidarityReviewPage',
);
const MyInvoicesPage = page(
  () => import('./features/billing/my-invoices-page.tsx'),
  'MyInvoicesPage',
);
const PaymentsPage = page(() => import('./features/billing/payments-page.tsx'), 'PaymentsPage');
const OnlinePaymentPage = page(
  () => import('./features/payments/online-payment-page.tsx'),
  'OnlinePaymentPage',
);
const ActivityPage = page(() => import('./features/catalogue/activity-page.tsx'), 'ActivityPage');
const CataloguePage = page(
  () => import('./features/catalogue/catalogue-page.tsx'),
  'CataloguePage',
);
const MyRegistrationsPage = page(
  () => import('./features/registrations/my-registrations-page.tsx'),
  'MyRegistrationsPage',
);
const RegistrationFormPage = page(
  () => import('./features/registrations/registration-form-page.tsx'),
  'RegistrationFormPage',
);
const ActivitiesEditorPage = page(
  () => import('./features/staff/activities-editor-page.tsx'),
  'ActivitiesEditorPage',
);
const DashboardPage = page(() => import('./features/staff/dashboard-page.tsx'), 'DashboardPage');
const SelectionPage = page(() => import('./features/staff/selection-page.tsx'), 'SelectionPage');
const ContactPage = page(() => import('./features/member/contact-page.tsx'), 'ContactPage');
const BankAccountsPage = page(
  () => import('./features/member/bank-accounts-page.tsx'),
  'BankAccountsPage',
);
const MemberHomePage = page(
  () => import('./features/member/member-home-page.tsx'),
  'MemberHomePage',
);
const NotFoundPage = page(() => import('./features/not-found-page.tsx'), 'NotFoundPage');
const SimulatorPage = page(
  () => import('./features/simulator/simulator-page.tsx'),
  'SimulatorPage',
);
const MemberSearchPage = page(
  () => import('./features/staff/member-search-page.tsx'),
  'MemberSearchPage',
);
const PartnerOffersEditorPage = page(
  () => import('./features/staff/partner-offers-editor-page.tsx'),
  'PartnerOffersEditorPage',
);
const PartnerOffersPage = page(
  () => import('./features/member/partner-offers-page.tsx'),
  'PartnerOffersPage',
);
const PackPage = page(() => import('./features/simulator/pack-page.tsx'), 'PackPage');
const PacksPage = page(() => import('./features/staff/packs-page.tsx'), 'PacksPage');
const PackStudioPage = page(
  () => import('./features/staff/pack-studio-page.tsx'),
  'PackStudioPage',
);
const RecordValidationPage = page(
  () => import('./features/staff/record-validation-page.tsx'),
  'RecordValidationPage',
);
const StaffHomePage = page(() => import('./features/staff/staff-home-page.tsx'), 'StaffHomePage');
const SignUpQueuePage = page(
  () => import('./features/staff/sign-up-queue-page.tsx'),
  'SignUpQueuePage',
);

applyTheme();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <SessionProvider>
        <Layout>
          <PageLoading>
            <Switch>
              <Route path="/" component={HomePage} />
              <Route path="/simulateur" component={SimulatorPage} />
              <Route path="/baremes/:id" component={PackPage} />
              <Route path="/connexion" component={LoginPage} />
              <Route path="/inscription" component={SignUpPage} />
              <Route path="/identifiant-oublie" component={ForgotIdentifierPage} />
              <Route path="/mot-de-passe-oublie" component={ForgotPasswordPage} />
              <Route path="/mot-de-passe/definir" component={SetPasswordPage} />
              <Route path="/espace" component={MemberHomePage} />
              <Route path="/espace/mot-de-passe" component={ChangePasswordPage} />
              <Route path="/espace/securite" component={SecurityPage} />
              <Route path="/espace/consultations" component={FileReadsPage} />
              <Route path="/espace/prestations" component={BenefitsPage} />
              <Route path="/espace/historique" component={HistoryPage} />
              <Route path="/espace/mes-donnees" component={MyDataPage} />
              <Route path="/gestion/comptes" component={StaffAccountsPage} />
              <Route path="/gestion/comite" component={CommitteeIdentityPage} />
              <Route path="/gestion/courriels" component={FailedMailsPage} />
              <Route path="/gestion/journal" component={AuditLogPage} />
              <Route path="/gestion" component={StaffHomePage} />
              <Route path="/gestion/inscriptions" component={SignUpQueuePage} />
              <Route path="/gestion/fiches" component={RecordValidationPage} />
              <Route path="/gestion/baremes" component={PacksPage} />
              <Route path="/gestion/baremes/brouillons/:id" component={PackStudioPage} />
              <Route path="/gestion/adherents" component={MemberSearchPage} />
              <Route path="/gestion/partenaires" component={PartnerOffersEditorPage} />
              <Route path="/espace/partenaires" component={PartnerOffersPage} />
              <Route path="/espace/fiche" component={AgentRecordPage} />
              <Route path="/espace/rib" component={BankAccountsPage} />
              <Route path="/espace/coordonnees" component={ContactPage} />
              <Route path="/carte/:token" component={CardCheckPage} />
              <Route path="/activites" component={CataloguePage} />
              <Route path="/activites/:id" component={ActivityPage} />
              <Route path="/espace/inscriptions" component={MyRegistrationsPage} />
              <Route path="/espace/inscriptions/nouvelle" component={RegistrationFormPage} />
              <Route path="/gestion/activites" component={ActivitiesEditorPage} />
              <Route path="/gestion/selection" component={SelectionPage} />
              <Route path="/gestion/tableau-de-bord" component={DashboardPage} />
              <Route path="/gestion/reglements" component={PaymentsPage} />
              <Route path="/espace/factures" component={MyInvoicesPage} />
              <Route path="/espace/paiements/:reference" component={OnlinePaymentPage} />
              <Route path="/espace/subventions" component={MyClaimsPage} />
              <Route path="/gestion/subventions" component={ClaimsReviewPage} />
              <Route path="/espace/solidarite" component={MySolidarityPage} />
              <Route path="/gestion/solidarite" component={SolidarityReviewPage} />
              <Route component={NotFoundPage} />
            </Switch>
          </PageLoading>
        </Layout>
      </SessionProvider>
    </StrictMode>,
  );
}
