import { ACTIONS } from '../constants';

const guarded = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

export default {
  /** Public: published annual reports (granted to the users-permissions Public role in the app's bootstrap). */
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'GET', path: '/annual-reports', handler: 'reports.publicList', config: { policies: [] } },
      { method: 'GET', path: '/annual-reports/:documentId', handler: 'reports.publicGet', config: { policies: [] } },
    ],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/summary', handler: 'dashboard.summary', config: guarded(ACTIONS.readDashboard) },
      { method: 'GET', path: '/entries', handler: 'dashboard.entries', config: guarded(ACTIONS.readDashboard) },
      { method: 'GET', path: '/reports', handler: 'reports.list', config: guarded(ACTIONS.readReport) },
      { method: 'POST', path: '/reports', handler: 'reports.generate', config: guarded(ACTIONS.draftReport) },
      { method: 'GET', path: '/reports/:documentId', handler: 'reports.get', config: guarded(ACTIONS.readReport) },
      { method: 'PUT', path: '/reports/:documentId', handler: 'reports.edit', config: guarded(ACTIONS.draftReport) },
      { method: 'POST', path: '/reports/:documentId/regenerate', handler: 'reports.regenerate', config: guarded(ACTIONS.draftReport) },
      { method: 'POST', path: '/reports/:documentId/submit', handler: 'reports.submit', config: guarded(ACTIONS.draftReport) },
      { method: 'POST', path: '/reports/:documentId/approve', handler: 'reports.approve', config: guarded(ACTIONS.approveReport) },
      { method: 'POST', path: '/reports/:documentId/return', handler: 'reports.return', config: guarded(ACTIONS.approveReport) },
      { method: 'POST', path: '/reports/:documentId/publish', handler: 'reports.publish', config: guarded(ACTIONS.publishReport) },
      { method: 'GET', path: '/reports/:documentId/export', handler: 'reports.export', config: guarded(ACTIONS.readReport) },
    ],
  },
};
