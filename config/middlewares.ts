// The public cache answers anonymous reads once the security headers, CORS and X-Powered-By are set,
// before query and body parsing, sessions, routing, authentication, controllers and the database.
export default ({ env }: { env: { bool: (name: string, fallback: boolean) => boolean } }) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  ...(env.bool('PUBLIC_CACHE_ENABLED', true) ? ['plugin::public-cache.serve'] : []),
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
