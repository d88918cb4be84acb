import serve from './serve';

/** Global (app-level) Koa middlewares, named `plugin::public-cache.<name>` in config/middlewares.ts. */
export default { serve };
