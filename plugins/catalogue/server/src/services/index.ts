import indexNumbers from './index-numbers';
import openapi from './openapi';
import organizationScope from './organization-scope';
import publicCatalogue from './public-catalogue';
import referenceData from './reference-data';
import regionTree from './region-tree';
import writeFacts from './write-facts';

export default {
  'index-numbers': indexNumbers,
  'organization-scope': organizationScope,
  'public-catalogue': publicCatalogue,
  'reference-data': referenceData,
  'region-tree': regionTree,
  'write-facts': writeFacts,
  openapi,
};
