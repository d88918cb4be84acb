import { ACTIONS } from '../constants';

const guarded = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

export default {
  /** Public reads; the users-permissions Public role is granted them in the app's bootstrap. */
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'GET', path: '/interpretations', handler: 'interpretation.find', config: { policies: [] } },
      { method: 'GET', path: '/interpretations/:id', handler: 'interpretation.findOne', config: { policies: [] } },
    ],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/policies/:documentId', handler: 'review.status', config: guarded(ACTIONS.read) },
      { method: 'POST', path: '/policies/:documentId/submit', handler: 'review.submit', config: guarded(ACTIONS.submit) },
      { method: 'POST', path: '/policies/:documentId/approve', handler: 'review.approve', config: guarded(ACTIONS.approve) },
      { method: 'POST', path: '/policies/:documentId/reject', handler: 'review.reject', config: guarded(ACTIONS.approve) },
      { method: 'POST', path: '/policies/:documentId/publish', handler: 'review.publish', config: guarded(ACTIONS.approve) },
      { method: 'PUT', path: '/policies/:documentId/waiver', handler: 'review.waive', config: guarded(ACTIONS.waive) },
      { method: 'DELETE', path: '/policies/:documentId/waiver', handler: 'review.withdrawWaiver', config: guarded(ACTIONS.waive) },
      { method: 'POST', path: '/interpretations/:documentId/submit', handler: 'review.submitInterpretation', config: guarded(ACTIONS.submit) },
      { method: 'POST', path: '/interpretations/:documentId/approve', handler: 'review.approveInterpretation', config: guarded(ACTIONS.approve) },
      { method: 'POST', path: '/interpretations/:documentId/reject', handler: 'review.rejectInterpretation', config: guarded(ACTIONS.approve) },
      { method: 'POST', path: '/interpretations/:documentId/publish', handler: 'review.publishInterpretation', config: guarded(ACTIONS.approve) },
      { method: 'GET', path: '/metrics', handler: 'metrics.summary', config: guarded(ACTIONS.metrics) },
    ],
  },
};
