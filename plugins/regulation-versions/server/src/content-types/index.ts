import regulation from './regulation';
import regulationEvent from './regulation-event';
import regulationVersion from './regulation-version';

export default {
  regulation,
  'regulation-version': regulationVersion,
  'regulation-event': regulationEvent,
};
