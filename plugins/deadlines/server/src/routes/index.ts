import { ACTIONS } from '../constants';

const guarded = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

export default {
  /** Public: who may call them is the users-permissions Public role's say (granted in the app's bootstrap). */
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'POST', path: '/applications', handler: 'applications.submit', config: { policies: [] } },
      { method: 'POST', path: '/applications/status', handler: 'applications.status', config: { policies: [] } },
      { method: 'POST', path: '/fees/quote', handler: 'fees.publicQuote', config: { policies: [] } },
    ],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/applications', handler: 'applications.list', config: guarded(ACTIONS.readApplications) },
      { method: 'POST', path: '/applications', handler: 'applications.register', config: guarded(ACTIONS.handleApplications) },
      { method: 'GET', path: '/applications/:documentId/clock', handler: 'applications.clock', config: guarded(ACTIONS.readApplications) },
      { method: 'POST', path: '/applications/:documentId/events', handler: 'applications.recordEvent', config: guarded(ACTIONS.handleApplications) },
      { method: 'POST', path: '/fees/quote', handler: 'fees.staffQuote', config: guarded(ACTIONS.readApplications) },
      { method: 'GET', path: '/reports/applications', handler: 'reports.applications', config: guarded(ACTIONS.readReport) },
    ],
  },
};
