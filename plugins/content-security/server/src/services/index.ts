import gate from './gate';
import leases from './leases';
import lexicon from './lexicon';
import review from './review';

export default { gate, leases, lexicon, review };
