import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from './constants';
import type { ContentSecurityConfig } from './config';
import { subscribeVersionGate } from './middlewares/version-lifecycle';
import type { LeasesService } from './services/leases';
import type { LexiconService } from './services/lexicon';
import type { ReviewService } from './services/review';

let rescanTimer: NodeJS.Timeout | null = null;

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: '查看内容安全检查结果', uid: 'results.read', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: '对内容进行安全检查', uid: 'documents.scan', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: '脱敏并发布', uid: 'documents.mask', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: '放行单条检查问题（须填写理由）', uid: 'findings.override', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: '对已发布内容重新检查', uid: 'rescan.run', pluginName: PLUGIN_ID },
  ]);

  const config = strapi.config.get(`plugin::${PLUGIN_ID}`) as ContentSecurityConfig;
  const lexicon = strapi.plugin(PLUGIN_ID).service('lexicon') as LexiconService;
  const review = strapi.plugin(PLUGIN_ID).service('review') as ReviewService;
  const leases = strapi.plugin(PLUGIN_ID).service('leases') as LeasesService;
  await leases.ensureTable();
  await lexicon.seedDefaults();
  subscribeVersionGate(strapi);

  // Scheduled and word-list rescans run under a lease: with several instances, one of them rescans.
  const rescan = async (why: string) => {
    try {
      const holder = await leases.acquire('rescan', 30 * 60 * 1000);
      if (!holder) return strapi.log.info(`[content-security] rescan (${why}) skipped: another instance is running it`);
      try {
        await review.rescanPublished();
      } finally {
        await leases.release('rescan', holder);
      }
    } catch (error) {
      strapi.log.error(`[content-security] rescan (${why}) failed: ${(error as Error).message}`);
    }
  };

  // A word-list change takes effect at once (new lexicon version) and published content is rescanned shortly after.
  strapi.db.lifecycles.subscribe({
    models: [UID.wordList],
    afterCreate: () => changed(),
    afterUpdate: () => changed(),
    afterDelete: () => changed(),
  } as never);
  const changed = () => {
    lexicon.invalidate();
    if (!config.rescanAfterWordListChangeMs) return;
    if (rescanTimer) clearTimeout(rescanTimer);
    rescanTimer = setTimeout(() => {
      rescanTimer = null;
      void rescan('word lists changed');
    }, config.rescanAfterWordListChangeMs);
    rescanTimer.unref();
  };

  if (config.rescanCron) {
    strapi.cron.add({ contentSecurityRescan: { task: () => rescan('schedule'), options: { rule: config.rescanCron, tz: 'Asia/Shanghai' } } });
  }
};

export const destroy = () => {
  if (rescanTimer) clearTimeout(rescanTimer);
  rescanTimer = null;
};

export default bootstrap;
