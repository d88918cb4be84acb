import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: '查看政策文件审核（三同步）', uid: 'review.read', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: '提交政策文件及解读审核', uid: 'review.submit', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: '审核、退回和发布政策文件及解读', uid: 'review.approve', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: '登记政策文件不解读理由', uid: 'review.waive', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: '查看政策解读统计（解读比例、缺解读、滞后）', uid: 'metrics.read', pluginName: PLUGIN_ID },
  ]);
};

export default bootstrap;
