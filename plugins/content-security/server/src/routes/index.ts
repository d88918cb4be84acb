import { ACTIONS } from '../constants';

const guarded = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'POST', path: '/scan', handler: 'security.scan', config: guarded(ACTIONS.scan) },
      { method: 'GET', path: '/results', handler: 'security.results', config: guarded(ACTIONS.read) },
      { method: 'POST', path: '/mask', handler: 'security.mask', config: guarded(ACTIONS.mask) },
      { method: 'POST', path: '/overrides', handler: 'security.override', config: guarded(ACTIONS.override) },
      { method: 'GET', path: '/overrides', handler: 'security.overrides', config: guarded(ACTIONS.read) },
      { method: 'POST', path: '/rescan', handler: 'security.rescan', config: guarded(ACTIONS.rescan) },
      { method: 'GET', path: '/rescan-hits', handler: 'security.rescanHits', config: guarded(ACTIONS.read) },
    ],
  },
};
