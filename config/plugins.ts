export default ({ env }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET', 'dev-users-permissions-jwt-secret-change-me'),
    },
  },
  graphql: {
    enabled: true,
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      depthLimit: 10,
      defaultLimit: 20,
      maxLimit: 100,
      landingPage: env.bool('GRAPHQL_LANDING_PAGE', false),
    },
  },
  catalogue: {
    enabled: true,
    resolve: './plugins/catalogue',
  },
});
