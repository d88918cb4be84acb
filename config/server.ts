export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: {
    keys: env.array('APP_KEYS', ['devKeyOne-change-me', 'devKeyTwo-change-me']),
  },
  // Behind a load balancer or reverse proxy, trust X-Forwarded-For so rate limits see the client's address.
  proxy: { koa: env.bool('TRUST_PROXY', false) },
  cron: { enabled: env.bool('CRON_ENABLED', true) },
});
