import findingOverride from './finding-override';
import maskRecord from './mask-record';
import scanResult from './scan-result';
import wordList from './word-list';

export default {
  'scan-result': scanResult,
  'finding-override': findingOverride,
  'mask-record': maskRecord,
  'word-list': wordList,
};
