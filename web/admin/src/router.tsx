// The page map. Folders under routes/ mirror these URLs (below /admin); each page is its own
// chunk, so a page's code (and the charts) loads when the page is opened.
import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { Shell } from './components/layout/shell.tsx';
import { PublicLayout } from './components/layout/public-layout.tsx';
import { RouteError } from './components/layout/route-error.tsx';

const Login = lazy(() => import('./routes/login/login.tsx'));
const Setup = lazy(() => import('./routes/setup/setup.tsx'));
const GettingStarted = lazy(() => import('./routes/getting-started/getting-started.tsx'));
const Home = lazy(() => import('./routes/home/home.tsx'));
const CustomerList = lazy(() => import('./routes/customers/customer-list/customer-list.tsx'));
const CustomerDetail = lazy(() => import('./routes/customers/customer-detail/customer-detail.tsx'));
const Segments = lazy(() => import('./routes/segments/segments.tsx'));
const ExperimentList = lazy(() => import('./routes/segments/experiments/experiment-list/experiment-list.tsx'));
const ExperimentDetail = lazy(() => import('./routes/segments/experiments/experiment-detail/experiment-detail.tsx'));
const ProfileQuestions = lazy(() => import('./routes/profile-questions/profile-questions.tsx'));
const Program = lazy(() => import('./routes/program/program.tsx'));
const Analytics = lazy(() => import('./routes/analytics/analytics.tsx'));
const Surveys = lazy(() => import('./routes/surveys/surveys.tsx'));
const Imports = lazy(() => import('./routes/imports/imports.tsx'));
const Emails = lazy(() => import('./routes/emails/emails.tsx'));
const CampaignList = lazy(() => import('./routes/emails/campaigns/campaign-list/campaign-list.tsx'));
const CampaignForm = lazy(() => import('./routes/emails/campaigns/campaign-form/campaign-form.tsx'));
const CampaignDetail = lazy(() => import('./routes/emails/campaigns/campaign-detail/campaign-detail.tsx'));
const ApiKeys = lazy(() => import('./routes/developers/api-keys/api-keys.tsx'));
const ProgramSettings = lazy(() => import('./routes/settings/program-settings/program-settings.tsx'));
const Connections = lazy(() => import('./routes/developers/connections/connections.tsx'));
const Webhooks = lazy(() => import('./routes/developers/webhooks/webhooks.tsx'));
const Users = lazy(() => import('./routes/settings/users/users.tsx'));
const AuditLog = lazy(() => import('./routes/settings/audit-log/audit-log.tsx'));
const NotFound = lazy(() => import('./routes/not-found/not-found.tsx'));

export const router = createBrowserRouter(
  [
    {
      element: <PublicLayout />,
      errorElement: <RouteError />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { path: 'login', element: <Login /> },
            { path: 'setup', element: <Setup /> },
          ],
        },
      ],
    },
    {
      element: <Shell />,
      errorElement: <RouteError />,
      children: [
        {
          // A page's error shows inside the shell, with the navigation still there.
          errorElement: <RouteError />,
          children: [
            { index: true, element: <Home /> },
            { path: 'getting-started', element: <GettingStarted /> },
            { path: 'customers', element: <CustomerList /> },
            { path: 'customers/:id', element: <CustomerDetail /> },
            { path: 'segments', element: <Segments /> },
            { path: 'segments/experiments', element: <ExperimentList /> },
            { path: 'segments/experiments/:id', element: <ExperimentDetail /> },
            { path: 'profile-questions', element: <ProfileQuestions /> },
            { path: 'program', element: <Program /> },
            { path: 'analytics', element: <Analytics /> },
            { path: 'surveys', element: <Surveys /> },
            { path: 'imports', element: <Imports /> },
            { path: 'emails', element: <Emails /> },
            { path: 'emails/campaigns', element: <CampaignList /> },
            { path: 'emails/campaigns/new', element: <CampaignForm /> },
            { path: 'emails/campaigns/:id', element: <CampaignDetail /> },
            { path: 'emails/campaigns/:id/edit', element: <CampaignForm /> },
            { path: 'developers', element: <Navigate to="/developers/api-keys" replace /> },
            { path: 'developers/api-keys', element: <ApiKeys /> },
            { path: 'developers/connections', element: <Connections /> },
            { path: 'developers/webhooks', element: <Webhooks /> },
            { path: 'settings', element: <Navigate to="/settings/program" replace /> },
            { path: 'settings/program', element: <ProgramSettings /> },
            { path: 'settings/users', element: <Users /> },
            { path: 'settings/audit-log', element: <AuditLog /> },
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ],
  { basename: '/admin' },
);
