// The public cache comes first: a hit skips the whole pipeline, replaying the headers (security,
// CORS, X-Powered-By) that the pipeline gave the answer it stored (plugins/public-cache).
export default ({ env }: { env: { bool: (name: string, fallback: boolean) => boolean } }) => [
  ...(env.bool('PUBLIC_CACHE_ENABLED', true) ? ['plugin::public-cache.serve'] : []),
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
