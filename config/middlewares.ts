// The public cache answers anonymous reads right after the request body is parsed (GraphQL POST
// needs it), before sessions, routing, authentication, controllers and the database.
export default ({ env }: { env: { bool: (name: string, fallback: boolean) => boolean } }) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  ...(env.bool('PUBLIC_CACHE_ENABLED', true) ? ['plugin::public-cache.serve'] : []),
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
