import findings from './findings';
import gate from './gate';
import leases from './leases';
import lexicon from './lexicon';
import review from './review';

export default { findings, gate, leases, lexicon, review };
