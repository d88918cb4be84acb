import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Simplified Chinese besides English; demo users are created with zh-Hans as their interface language.
    locales: ['zh-Hans'],
    translations: {
      'zh-Hans': {
        'app.components.LeftMenu.navbrand.title': '政务公开',
        'app.components.LeftMenu.navbrand.workplace': '管理平台',
        'Auth.form.welcome.title': '欢迎使用政务公开管理平台',
        'Auth.form.welcome.subtitle': '登录您的账号',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
