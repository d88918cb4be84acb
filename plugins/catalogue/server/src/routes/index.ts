/** Public reads only; who may call them is the users-permissions Public role's say (granted in the app's bootstrap). */
export default {
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'GET', path: '/plans', handler: 'catalogue.plans', config: { policies: [] } },
      { method: 'GET', path: '/openapi.json', handler: 'catalogue.openapi', config: { policies: [] } },
    ],
  },
};
