import { ACTIONS } from '../constants';

const guarded = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

export default {
  /** Public reads; the users-permissions Public role is granted them in the app's bootstrap. */
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'GET', path: '/register', handler: 'regulations.register', config: { policies: [] } },
      { method: 'GET', path: '/counts', handler: 'regulations.counts', config: { policies: [] } },
      { method: 'GET', path: '/regulations/:documentId/versions', handler: 'regulations.versions', config: { policies: [] } },
      { method: 'GET', path: '/regulations/:documentId/in-force', handler: 'regulations.inForce', config: { policies: [] } },
      { method: 'GET', path: '/regulations/:documentId/diff', handler: 'regulations.diff', config: { policies: [] } },
    ],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/regulations/:documentId/timeline', handler: 'regulations.timeline', config: guarded(ACTIONS.read) },
      { method: 'POST', path: '/regulations/:documentId/versions', handler: 'regulations.addVersion', config: guarded(ACTIONS.manage) },
      { method: 'PUT', path: '/regulations/:documentId/versions/:versionNumber', handler: 'regulations.updateDraft', config: guarded(ACTIONS.manage) },
      { method: 'POST', path: '/regulations/:documentId/versions/:versionNumber/publish', handler: 'regulations.publishVersion', config: guarded(ACTIONS.manage) },
      { method: 'POST', path: '/regulations/:documentId/repeal', handler: 'regulations.repeal', config: guarded(ACTIONS.manage) },
      { method: 'POST', path: '/regulations/:documentId/partial-repeal', handler: 'regulations.partialRepeal', config: guarded(ACTIONS.manage) },
    ],
  },
};
