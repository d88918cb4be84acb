import gate from './gate';
import lexicon from './lexicon';
import review from './review';

export default { gate, lexicon, review };
