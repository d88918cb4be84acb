import indexNumbers from './index-numbers';
import openapi from './openapi';
import organizationScope from './organization-scope';
import publicCatalogue from './public-catalogue';
import publicReads from './public-reads';
import regionTree from './region-tree';
import writeFacts from './write-facts';

export default {
  'index-numbers': indexNumbers,
  'organization-scope': organizationScope,
  'public-catalogue': publicCatalogue,
  'public-reads': publicReads,
  'region-tree': regionTree,
  'write-facts': writeFacts,
  openapi,
};
