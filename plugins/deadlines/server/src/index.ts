// The deadlines plugin's Strapi glue is assembled here as its parts land; its rules live in ./core.
export default {
  register() {},
  bootstrap() {},
  destroy() {},
  config: { default: {}, validator() {} },
  contentTypes: {},
  controllers: {},
  routes: {},
  services: {},
};
